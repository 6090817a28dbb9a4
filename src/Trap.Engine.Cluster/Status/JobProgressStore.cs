using Npgsql;
using Trap.Engine.Cluster.Driver;

namespace Trap.Engine.Cluster.Status;

/// <summary>
/// The driver's side of `trap cluster status`: one row per job, updated at most once a second while
/// tasks finish and at the end of each stage. Progress is advisory: a failed write is reported once on
/// stderr and never fails the job.
/// </summary>
public sealed class JobProgressStore
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    private readonly string _connectionString;
    private readonly string _clusterId;
    private readonly Guid _jobId = Guid.NewGuid();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private string? _jobName;
    private DateTime _lastWrite = DateTime.MinValue;
    private int _retriesBefore;
    private bool _warned;

    public JobProgressStore(string connectionString, string clusterId)
    {
        _connectionString = connectionString;
        _clusterId = clusterId;
    }

    /// <summary>Called as tasks finish; writes when a second has passed since the last write.</summary>
    public void Report(string jobName, StageProgress progress)
    {
        if (DateTime.UtcNow - _lastWrite < MinInterval || !_writing.Wait(0))
        {
            return;
        }
        _lastWrite = DateTime.UtcNow;
        _ = WriteHeldAsync(jobName, "running", progress);
    }

    /// <summary>Writes now (stage ends, job ends).</summary>
    public async Task WriteAsync(string jobName, string state, StageProgress progress)
    {
        await _writing.WaitAsync();
        await WriteHeldAsync(jobName, state, progress);
        if (state == "running")
        {
            _retriesBefore += progress.Retries;
        }
    }

    private async Task WriteHeldAsync(string jobName, string state, StageProgress progress)
    {
        const string sql = """
            INSERT INTO trap_cluster_jobs (job_id, cluster_id, job_name, driver_host, state, stage, tasks_done, tasks_total, retries, started_at, updated_at)
            VALUES (@job, @cluster, @name, @host, @state, @stage, @done, @total, @retries, now(), now())
            ON CONFLICT (job_id) DO UPDATE SET state = @state, stage = @stage, tasks_done = @done,
                tasks_total = @total, retries = @retries, updated_at = now()
            """;
        try
        {
            _jobName ??= jobName;
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("job", _jobId);
            command.Parameters.AddWithValue("cluster", _clusterId);
            command.Parameters.AddWithValue("name", _jobName);
            command.Parameters.AddWithValue("host", Environment.MachineName);
            command.Parameters.AddWithValue("state", state);
            command.Parameters.AddWithValue("stage", progress.Stage);
            command.Parameters.AddWithValue("done", progress.Done);
            command.Parameters.AddWithValue("total", progress.Total);
            command.Parameters.AddWithValue("retries", _retriesBefore + progress.Retries);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            if (!_warned)
            {
                _warned = true;
                Console.Error.WriteLine($"trap: cannot record job progress for `trap cluster status`: {e.Message}");
            }
        }
        finally
        {
            _writing.Release();
        }
    }
}
