using Trap.Storage.Connection;
using Trap.Storage.Schema;

namespace Trap.Storage.Tests;

public class DatabaseSettingsTests
{
    [Fact]
    public void AUrlBecomesAConnectionStringAndItsPasswordIsMasked()
    {
        var settings = DatabaseSettings.Parse("postgresql://survey:s3cr%40t@db.example.org:6543/catalogue?Timeout=7");
        Assert.Contains("Password=s3cr@t", settings.ConnectionString);
        Assert.Contains("Host=db.example.org", settings.ConnectionString);
        Assert.Contains("Port=6543", settings.ConnectionString);
        Assert.Contains("Database=catalogue", settings.ConnectionString);
        Assert.Contains("Timeout=7", settings.ConnectionString);
        Assert.DoesNotContain("s3cr", settings.Masked);
        Assert.DoesNotContain("s3cr", settings.ToString());
        Assert.Contains("Password=***", settings.Masked);
    }

    [Fact]
    public void AKeywordConnectionStringIsMaskedToo()
    {
        var settings = DatabaseSettings.Parse("Host=127.0.0.1;Port=55432;Username=trap;Password=topsecret;Database=trap");
        Assert.DoesNotContain("topsecret", settings.Masked);
        Assert.Equal("127.0.0.1", settings.Host);
        Assert.Equal(55432, settings.Port);
    }

    [Fact]
    public void AnInvalidConnectionStringIsRefusedWithoutEchoingIt()
    {
        var error = Assert.Throws<StorageException>(() => DatabaseSettings.Parse("Host=x;Pasword=topsecret;NoSuchKey=1"));
        Assert.DoesNotContain("topsecret", error.Message);
        Assert.Contains("not valid", error.Message);
    }

    [Fact]
    public void TheOptionWinsOverTheEnvironmentAndNeitherGivesAClearError()
    {
        var saved = Environment.GetEnvironmentVariable(DatabaseSettings.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DatabaseSettings.EnvironmentVariable, "Host=from-env;Username=u");
            Assert.Equal("from-env", DatabaseSettings.Resolve(null).Host);
            Assert.Equal("from-option", DatabaseSettings.Resolve("Host=from-option;Username=u").Host);

            Environment.SetEnvironmentVariable(DatabaseSettings.EnvironmentVariable, null);
            var error = Assert.Throws<StorageException>(() => DatabaseSettings.Resolve(null));
            Assert.Contains(DatabaseSettings.EnvironmentVariable, error.Message);
            Assert.Contains("cluster/postgres.sh start", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DatabaseSettings.EnvironmentVariable, saved);
        }
    }

    [Fact]
    public async Task AnUnreachableServerSaysHowToStartTheLocalOneAndHidesThePassword()
    {
        // Port 1 on loopback: nothing listens there.
        var settings = DatabaseSettings.Parse("Host=127.0.0.1;Port=1;Username=trap;Password=topsecret;Database=trap;Timeout=3");
        var error = await Assert.ThrowsAsync<StorageException>(() => new SchemaMigrator(settings).StatusAsync());
        Assert.Contains("127.0.0.1:1", error.Message);
        Assert.Contains("cluster/postgres.sh start", error.Message);
        Assert.DoesNotContain("topsecret", error.Message);
    }
}
