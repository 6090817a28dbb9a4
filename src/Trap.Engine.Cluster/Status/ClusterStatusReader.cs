using Npgsql;
using Trap.Engine.Cluster.Membership;
using Trap.Storage.Connection;

namespace Trap.Engine.Cluster.Status;

/// <summary>Reads a cluster's live workers and its jobs straight from the database (no cluster connection).</summary>
public static class ClusterStatusReader
{
    private const int ActiveStatus = 3; // Orleans SiloStatus.Active

    /// <summary>Creates the cluster tables when missing (a status query on a fresh database lists nothing).</summary>
    public static Task EnsureSchemaAsync(DatabaseSettings database, CancellationToken cancellation = default) =>
        MembershipSchema.EnsureAsync(database, cancellation);

    public static async Task<IReadOnlyList<WorkerRow>> LiveWorkersAsync(DatabaseSettings database, string clusterId, CancellationToken cancellation = default)
    {
        const string sql = """
            SELECT SiloName, HostName, Address, Port, Generation, coalesce(ProxyPort, 0), StartTime, IAmAliveTime
            FROM OrleansMembershipTable
            WHERE DeploymentId = @cluster AND Status = @active
            ORDER BY StartTime, Address, Port
            """;
        var rows = new List<WorkerRow>();
        await Query(database, sql, clusterId, cancellation, reader => rows.Add(new WorkerRow(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5),
            reader.GetDateTime(6), reader.GetDateTime(7))), ("active", ActiveStatus));
        return rows;
    }

    /// <summary>Running jobs, then the most recent finished or failed ones.</summary>
    public static async Task<IReadOnlyList<JobRow>> JobsAsync(DatabaseSettings database, string clusterId, int recent, CancellationToken cancellation = default)
    {
        const string sql = """
            SELECT job_id, job_name, driver_host, state, stage, tasks_done, tasks_total, retries, started_at, updated_at,
                   stage_timings, failures, extract(epoch FROM now() - updated_at)::float8
            FROM trap_cluster_jobs
            WHERE cluster_id = @cluster
            ORDER BY (state = 'running') DESC, updated_at DESC
            LIMIT @limit
            """;
        var rows = new List<JobRow>();
        await Query(database, sql, clusterId, cancellation, reader =>
        {
            // A running job whose driver stopped its heartbeat is dead: say so, whatever its row says.
            var lost = reader.GetString(3) == "running" && reader.GetDouble(12) > JobProgressStore.DriverLostAfter.TotalSeconds;
            rows.Add(new JobRow(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), lost ? "failed" : reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetDateTime(8), reader.GetDateTime(9),
                reader.GetString(10), reader.GetString(11), lost));
        }, ("limit", recent));
        return rows;
    }

    private static async Task Query(
        DatabaseSettings database, string sql, string clusterId, CancellationToken cancellation,
        Action<NpgsqlDataReader> read, (string Name, int Value) extra)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellation);
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("cluster", clusterId);
            command.Parameters.AddWithValue(extra.Name, extra.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                read(reader);
            }
        }
        catch (NpgsqlException e)
        {
            throw new ClusterException(
                $"cannot read the cluster status from the database ({database}): {e.Message}", e);
        }
    }
}
