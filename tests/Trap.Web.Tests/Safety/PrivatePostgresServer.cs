using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Trap.Storage.Connection;
using Trap.TestSupport;

namespace Trap.Web.Tests.Safety;

/// <summary>
/// A PostgreSQL server of one test's own (cluster/postgres.sh with its own state folder and port),
/// so the test can stop and restart it without disturbing the shared server other tests use.
/// </summary>
public sealed class PrivatePostgresServer : IAsyncDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("trap-pg-").FullName;
    private readonly int _port = FreePort();

    private PrivatePostgresServer()
    {
        // The server runs as user postgres when the tests run as root: it must reach its data folder.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_state, (UnixFileMode)0b111_101_101);
    }

    public DatabaseSettings Database { get; private set; } = null!;

    public static async Task<PrivatePostgresServer> StartAsync()
    {
        var server = new PrivatePostgresServer();
        server.Database = DatabaseSettings.Parse((await server.ScriptAsync("start")).Trim().Split('\n')[^1]);
        return server;
    }

    public Task StopAsync() => ScriptAsync("stop");

    public async Task RestartAsync()
    {
        await ScriptAsync("stop");
        await ScriptAsync("start");
    }

    public async ValueTask DisposeAsync()
    {
        await ScriptAsync("stop");
        Directory.Delete(_state, recursive: true);
    }

    private async Task<string> ScriptAsync(string command)
    {
        var start = new ProcessStartInfo("bash", [Checkout.PathOf("cluster/postgres.sh"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["TRAP_STATE"] = _state;
        start.Environment["TRAP_PG_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"cluster/postgres.sh {command} failed (exit {process.ExitCode}): {errors}");
        return await output;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
