using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Trap.Engine.Contract;
using Trap.Storage.Connection;

namespace Trap.Engine.Cluster.Tests;

/// <summary>
/// `trap worker` processes started from the built CLI, joined through the project-local PostgreSQL
/// (cluster/postgres.sh start: shared when already running, installed from Debian when missing).
/// Each instance is one cluster with a fresh id; its rows are deleted and its workers killed at the end.
/// </summary>
public sealed class WorkerProcesses : IAsyncDisposable
{
    private readonly List<Process> _processes = new();

    private WorkerProcesses(string connectionString)
    {
        ConnectionString = connectionString;
    }

    public string ClusterId { get; } = "test-" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString { get; }

    public DatabaseSettings Database => DatabaseSettings.Parse(ConnectionString);

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The built `trap` command-line tool.</summary>
    public static string TrapDll => Path.Combine(RepositoryRoot, "src", "Trap.Cli", "bin", "Release", "net10.0", "trap.dll");

    public static async Task<WorkerProcesses> CreateAsync()
    {
        var url = (await RunAsync(Path.Combine(RepositoryRoot, "cluster", "postgres.sh"), "start")).Trim().Split('\n')[^1];
        // Builds the CLI when its sources are newer than the build (normally a no-op after the solution build).
        await RunAsync(Path.Combine(RepositoryRoot, "trap"), "help");
        return new WorkerProcesses(url);
    }

    /// <summary>
    /// Starts a worker on <paramref name="port"/> and returns once it has joined the cluster. Its gateway
    /// gets a port found free too: the default, port + 1, may be taken by another connection on this host.
    /// </summary>
    public async Task<Process> StartWorkerAsync(int port, int cores = 2)
    {
        var trap = TrapDll;
        var contract = typeof(Square).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { trap, "worker", "--cluster-id", ClusterId, "--db", ConnectionString, "--cores", cores.ToString(),
                     "--port", port.ToString(), "--gateway-port", FreePort().ToString(), "--address", "127.0.0.1", "--assembly", contract })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        _processes.Add(process);
        var joined = new TaskCompletionSource();
        var errors = new List<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("joined cluster") == true) joined.TrySetResult(); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var first = await Task.WhenAny(joined.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(first == joined.Task, $"worker on port {port} did not join: {string.Join("\n", errors)}");
        return process;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes.Where(p => !p.HasExited))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "DELETE FROM OrleansMembershipTable WHERE DeploymentId = @id; DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @id; " +
            "DELETE FROM trap_cluster_jobs WHERE cluster_id = @id;", connection);
        command.Parameters.AddWithValue("id", ClusterId);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {arguments} failed ({process.ExitCode}): {await error}");
        return await output;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Trap.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Trap.sln not found above " + AppContext.BaseDirectory);
    }
}
