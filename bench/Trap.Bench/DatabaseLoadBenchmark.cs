using System.Diagnostics;
using Npgsql;
using Trap.Dataset.Rows;
using Trap.Storage.Connection;
using Trap.Storage.Loading;
using Trap.Storage.Schema;

namespace Trap.Bench;

/// <summary>
/// Catalogue loading speed: `db-load [--rows 200000] [--database CONNECTION]`. Loads `rows`
/// extracted-source rows with the loader (binary COPY, one transaction, indexes in place) and, as the
/// baseline in the same run, the same rows by batched multi-row INSERT (1,000 rows per prepared
/// statement, one transaction). Works in a scratch database created on the server (given, or
/// TRAP_DATABASE_URL, or the project-local one started by cluster/postgres.sh) and dropped at the end.
/// </summary>
public static class DatabaseLoadBenchmark
{
    private const int InsertBatch = 1000;

    public static int Run(string[] args)
    {
        var rows = int.Parse(Value(args, "--rows") ?? "200000");
        var repeat = int.Parse(Value(args, "--repeat") ?? "3");
        var server = Server(args);
        WithScratchDatabase(server, "trap_bench_", scratch =>
        {
            var settings = InDatabase(server, scratch, "trap-bench");
            new SchemaMigrator(settings).InitAsync().GetAwaiter().GetResult();
            var sources = MakeSources(rows);
            var copySettings = InDatabase(server, scratch, "trap-bench-copy");
            var loader = new DatasetLoader(copySettings);
            Load(loader, "warm-up", sources.Take(5000).ToList());

            // Best of `repeat` for each method (the machine is shared), each into a new dataset.
            var copy = Enumerable.Range(0, repeat).Select(i => Measure(settings, "trap-bench-copy", () => Load(loader, "bench-copy-" + i, sources))).MinBy(m => m.Wall);
            var insert = Enumerable.Range(0, repeat).Select(i => Measure(settings, "trap-bench-insert", () => InsertBaseline(InDatabase(server, scratch, "trap-bench-insert"), sources, "bench-insert-" + i))).MinBy(m => m.Wall);
            Console.WriteLine($"db-load: {rows} extracted-source rows into {server.Host}:{server.Port} (PostgreSQL, indexes in place), best of {repeat}");
            Report("binary COPY (DatasetLoader)", rows, copy);
            Report($"baseline INSERT ({InsertBatch} rows/stmt)", rows, insert);
            Console.WriteLine($"  speed-up x{insert.Wall / copy.Wall:F1} (wall clock); target 200,000 rows/s: {(rows / copy.Wall >= 200_000 ? "met" : "not met")} on wall clock" +
                              (copy.Server is { } cpu ? $", {(rows / Math.Max(cpu, copy.Client) >= 200_000 ? "met" : "not met")} per busy core" : ""));
        });
        return 0;
    }

    /// <summary>The server of `--database`, else TRAP_DATABASE_URL, else the project-local one.</summary>
    internal static DatabaseSettings Server(string[] args) =>
        DatabaseSettings.Resolve(Value(args, "--database") ?? Environment.GetEnvironmentVariable(DatabaseSettings.EnvironmentVariable) ?? LocalServer());

    /// <summary>Runs <paramref name="run"/> with the name of a scratch database made on the server for it and dropped afterwards.</summary>
    internal static void WithScratchDatabase(DatabaseSettings server, string prefix, Action<string> run)
    {
        var scratch = prefix + Environment.ProcessId;
        Execute(server, "CREATE DATABASE " + scratch); // generated name, not user input
        try
        {
            run(scratch);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Execute(server, "DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)");
        }
    }

    /// <summary>Wall-clock seconds, client CPU seconds and (local server only) the server backend's CPU seconds.</summary>
    private readonly record struct Measurement(double Wall, double Client, double? Server);

    private static Measurement Measure(DatabaseSettings settings, string application, Action run)
    {
        var serverBefore = BackendCpuSeconds(settings, application);
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        run();
        var wall = clock.Elapsed.TotalSeconds;
        var client = (Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalSeconds;
        var serverAfter = BackendCpuSeconds(settings, application);
        return new Measurement(wall, client, serverAfter - (serverBefore ?? 0));
    }

    private static void Report(string label, int rows, Measurement m) =>
        Console.WriteLine($"  {label,-30} {rows / m.Wall,10:N0} rows/s wall ({m.Wall:F2} s); CPU: client {m.Client:F2} s, server " +
                          (m.Server is { } server ? $"{server:F2} s -> {rows / Math.Max(server, m.Client),10:N0} rows/s per busy core" : "n/a (remote)"));

    /// <summary>
    /// CPU seconds used so far by the server process serving connections named <paramref name="application"/>
    /// (the loader's pooled connection survives between loads), read from /proc when the server is local;
    /// on a machine shared with other work this is the load-independent cost.
    /// </summary>
    private static double? BackendCpuSeconds(DatabaseSettings settings, string application)
    {
        using var connection = DatabaseConnector.OpenAsync(settings).GetAwaiter().GetResult();
        using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = @app AND datname = current_database()", connection);
        command.Parameters.AddWithValue("app", application);
        if (command.ExecuteScalar() is not int pid) return null;
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat)) return null;
        // Fields after the ")" that ends the command name: utime and stime are the 12th and 13th, in clock ticks (100/s).
        var fields = File.ReadAllText(stat).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }

    internal static DatabaseSettings InDatabase(DatabaseSettings server, string database, string application) =>
        DatabaseSettings.Parse(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database, ApplicationName = application }.ConnectionString);

    private static void Load(DatasetLoader loader, string name, List<ExtractedSourceRow> sources)
    {
        var contents = new DatasetContents(new DatasetRow { Name = name, Engine = "bench" }).Set(sources);
        var result = loader.LoadAsync(contents).GetAwaiter().GetResult();
        if (result.RowsByTable["extractedsource"] != sources.Count) throw new InvalidOperationException("COPY lost rows");
    }

    private static void InsertBaseline(DatabaseSettings settings, List<ExtractedSourceRow> sources, string name)
    {
        var map = TableMap.For<ExtractedSourceRow>();
        using var connection = DatabaseConnector.OpenAsync(settings).GetAwaiter().GetResult();
        using var transaction = connection.BeginTransaction();
        long datasetId;
        using (var dataset = new NpgsqlCommand("INSERT INTO dataset (name, description, process_start_utc, process_end_utc, n_images, n_rejected, engine) " +
                                               "VALUES (@name, '', now(), now(), 0, 0, 'bench') RETURNING id", connection, transaction))
        {
            dataset.Parameters.AddWithValue("name", name);
            datasetId = (long)dataset.ExecuteScalar()!;
        }
        var width = map.Columns.Count + 1;
        NpgsqlCommand Prepare(int count)
        {
            var values = Enumerable.Range(0, count).Select(r => "(" + string.Join(", ", Enumerable.Range(1, width).Select(c => "$" + (r * width + c))) + ")");
            var command = new NpgsqlCommand("INSERT INTO " + map.Table + " (dataset_id, " + string.Join(", ", map.Columns.Select(c => c.Name)) +
                                            ") VALUES " + string.Join(", ", values), connection, transaction);
            for (var r = 0; r < count; r++)
            {
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
                foreach (var column in map.Columns) command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = column.DbType });
            }
            command.Prepare();
            return command;
        }
        using var full = Prepare(InsertBatch);
        for (var start = 0; start < sources.Count; start += InsertBatch)
        {
            var count = Math.Min(InsertBatch, sources.Count - start);
            using var partial = count == InsertBatch ? null : Prepare(count);
            var command = partial ?? full;
            for (var r = 0; r < count; r++)
            {
                command.Parameters[r * width].Value = datasetId;
                for (var c = 0; c < map.Columns.Count; c++)
                {
                    command.Parameters[r * width + 1 + c].Value = map.Columns[c].Property.GetValue(sources[start + r]) ?? DBNull.Value;
                }
            }
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private static List<ExtractedSourceRow> MakeSources(int count)
    {
        var random = new Random(7);
        var list = new List<ExtractedSourceRow>(count);
        for (var i = 0; i < count; i++)
        {
            var dec = -60 + 50 * random.NextDouble();
            list.Add(new ExtractedSourceRow
            {
                SourceId = i + 1, ImageId = i / 1000 + 1, ExtractType = i % 10 == 0 ? 1 : 0, FitType = 1,
                FfRuncatId = i % 10 == 0 ? i / 10 + 1 : null, RaDeg = 360 * random.NextDouble(), DecDeg = dec,
                RaFitErrDeg = 1e-4 * random.NextDouble(), DecFitErrDeg = 1e-4 * random.NextDouble(), RaErrDeg = 2e-4, DecErrDeg = 2e-4,
                UncertaintyEwDeg = 1e-4, UncertaintyNsDeg = 1e-4, ErrorRadiusArcsec = random.NextDouble(), EwSysErrArcsec = 0.5, NsSysErrArcsec = 0.5,
                XPix = 2048 * random.NextDouble(), YPix = 2048 * random.NextDouble(), Zone = (int)Math.Floor(dec), DetSigma = 5 + 50 * random.NextDouble(),
                SemimajorArcsec = 40, SemiminorArcsec = 30, PaDeg = 180 * random.NextDouble() - 90, FPeakJy = random.NextDouble(),
                FPeakErrJy = 1e-3, FIntJy = random.NextDouble(), FIntErrJy = 1e-3, Chisq = random.NextDouble(), ReducedChisq = random.NextDouble(),
            });
        }
        return list;
    }

    internal static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    internal static void Execute(DatabaseSettings settings, string sql)
    {
        using var connection = DatabaseConnector.OpenAsync(settings).GetAwaiter().GetResult();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    internal static string LocalServer()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, "cluster", "postgres.sh");
            if (!File.Exists(script)) continue;
            using var process = Process.Start(new ProcessStartInfo("bash", new[] { script, "start" }) { RedirectStandardOutput = true })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException("cluster/postgres.sh start failed (exit " + process.ExitCode + ")");
            return output.Trim().Split('\n')[^1].Trim();
        }
        throw new InvalidOperationException("No database given and cluster/postgres.sh not found: pass --database or set " + DatabaseSettings.EnvironmentVariable + ".");
    }
}
