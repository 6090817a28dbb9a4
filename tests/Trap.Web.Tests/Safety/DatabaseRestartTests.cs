using System.Net;
using Trap.Storage.Schema;
using Trap.Web.Data;

namespace Trap.Web.Tests.Safety;

/// <summary>
/// What the site promises when its database goes away: a server restart costs no request (the broken
/// pooled connection is dropped and the read retried), and a server that is down gets the 503 page,
/// never the 500 "internal error" page.
/// </summary>
public sealed class DatabaseRestartTests
{
    [Fact]
    public async Task TheFirstRequestAfterARestartIsServedAndADownServerGets503()
    {
        await using var postgres = await PrivatePostgresServer.StartAsync();
        await new SchemaMigrator(postgres.Database).InitAsync();
        await using var app = WebServer.Build(new PostgresCatalogue(postgres.Database), "http://127.0.0.1:0");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(WebServer.Addresses(app).Single()) };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode); // leaves a connection in the pool
        await postgres.RestartAsync();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode);

        await postgres.StopAsync();
        var down = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("Catalogue database unavailable", await down.Content.ReadAsStringAsync());
    }
}
