using Npgsql;
using Trap.Engine.Cluster.Driver;
using Trap.Storage.Connection;

namespace Trap.Engine.Cluster.Status;

/// <summary>
/// The driver's side of `trap cluster status`: one row per job with the current stage's progress,
/// every finished stage's time and the last reasons calls failed. Written at most once a second while
/// tasks finish, at the end of each stage, and every <see cref="Heartbeat"/> while the job runs, so a
/// job whose driver died is seen as failed within seconds (<see cref="DriverLostAfter"/>).
/// Progress is advisory: a failed write is reported once on stderr and never fails the job.
/// </summary>
public sealed class JobProgressStore : IAsyncDisposable
{
    /// <summary>How often a running driver touches its row, even when no task finishes.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(2);

    /// <summary>A running job whose row is older than this has lost its driver: status shows it failed.</summary>
    public static readonly TimeSpan DriverLostAfter = TimeSpan.FromSeconds(6);

    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    private readonly DatabaseSettings _database;
    private readonly string _clusterId;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly List<string> _timings = new();
    private readonly Timer _heartbeat;
    private string _jobName = "job";
    private StageProgress? _last;
    private IReadOnlyList<string> _failures = Array.Empty<string>();
    private DateTime _lastWrite = DateTime.MinValue;
    private int _retriesBefore;
    private bool _warned;

    public JobProgressStore(DatabaseSettings database, string clusterId)
    {
        _database = database;
        _clusterId = clusterId;
        _heartbeat = new Timer(_ => Beat(), null, Heartbeat, Heartbeat);
    }

    /// <summary>This job's id, as `trap cluster status` shows it.</summary>
    public Guid JobId { get; } = Guid.NewGuid();

    /// <summary>Called as tasks finish; writes when a second has passed since the last write.</summary>
    public void Report(string jobName, StageProgress progress, IReadOnlyList<string> failures)
    {
        (_jobName, _last, _failures) = (jobName, progress, failures);
        if (DateTime.UtcNow - _lastWrite < MinInterval || !_writing.Wait(0)) return;
        _ = WriteHeldAsync("running");
    }

    /// <summary>A stage ended: records its time and writes now.</summary>
    public async Task StageFinishedAsync(string jobName, StageProgress progress, TimeSpan took, IReadOnlyList<string> failures)
    {
        (_jobName, _last, _failures) = (jobName, progress, failures);
        lock (_timings) _timings.Add($"{progress.Stage}={took.TotalSeconds:0.0}s");
        await _writing.WaitAsync();
        await WriteHeldAsync("running");
        _retriesBefore += progress.Retries;
        _last = progress with { Retries = 0 };
    }

    /// <summary>The job ended (finished, or failed with <paramref name="reason"/>): the last write, then no more heartbeats.</summary>
    public async Task EndAsync(string state, string? reason = null)
    {
        await _heartbeat.DisposeAsync();
        if (_last is null) return;
        if (reason is not null) _failures = _failures.Append("job failed: " + reason).ToList();
        await _writing.WaitAsync();
        await WriteHeldAsync(state);
    }

    public async ValueTask DisposeAsync() => await _heartbeat.DisposeAsync();

    private void Beat()
    {
        if (_last is null || !_writing.Wait(0)) return;
        _ = WriteHeldAsync("running");
    }

    private async Task WriteHeldAsync(string state)
    {
        const string sql = """
            INSERT INTO trap_cluster_jobs (job_id, cluster_id, job_name, driver_host, state, stage, tasks_done, tasks_total, retries,
                                           stage_timings, failures, started_at, updated_at)
            VALUES (@job, @cluster, @name, @host, @state, @stage, @done, @total, @retries, @timings, @failures, now(), now())
            ON CONFLICT (job_id) DO UPDATE SET state = @state, stage = @stage, tasks_done = @done, tasks_total = @total,
                retries = @retries, stage_timings = @timings, failures = @failures, updated_at = now()
            """;
        try
        {
            _lastWrite = DateTime.UtcNow;
            var progress = _last!;
            string timings;
            lock (_timings) timings = string.Join("; ", _timings);
            await using var connection = new NpgsqlConnection(_database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("job", JobId);
            command.Parameters.AddWithValue("cluster", _clusterId);
            command.Parameters.AddWithValue("name", _jobName);
            command.Parameters.AddWithValue("host", Environment.MachineName);
            command.Parameters.AddWithValue("state", state);
            command.Parameters.AddWithValue("stage", progress.Stage);
            command.Parameters.AddWithValue("done", progress.Done);
            command.Parameters.AddWithValue("total", progress.Total);
            command.Parameters.AddWithValue("retries", _retriesBefore + progress.Retries);
            command.Parameters.AddWithValue("timings", timings);
            command.Parameters.AddWithValue("failures", string.Join("\n", _failures));
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
