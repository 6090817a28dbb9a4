using Npgsql;
using Trap.Dataset.Rows;
using Trap.Storage.Connection;
using Trap.Storage.Loading;

namespace Trap.Storage.Tests;

[Collection(PostgresCollection.Name)]
public class ConeSearchTests
{
    private readonly PostgresFixture _postgres;

    public ConeSearchTests(PostgresFixture postgres) => _postgres = postgres;

    public static IEnumerable<object[]> Cones() => new[]
    {
        new object[] { 0.3, 1.0, 1.5 },       // straddles RA 0/360 from above
        new object[] { 359.8, -0.5, 2.0 },    // straddles RA 0/360 from below
        new object[] { 720.3, 1.0, 1.5 },     // RA given outside [0, 360)
        new object[] { 0.0, 89.5, 1.0 },      // covers the north pole
        new object[] { 200.0, 88.7, 1.5 },    // reaches over the north pole
        new object[] { 45.0, 87.0, 2.5 },     // near the pole, RA window widened by alpha
        new object[] { 12.0, -89.9, 0.5 },    // south pole
        new object[] { 150.0, -30.0, 3.0 },   // ordinary sky
    };

    [Theory]
    [MemberData(nameof(Cones))]
    public async Task ConeSearchEqualsABruteForceAngularDistanceScan(double ra, double dec, double radius)
    {
        var (settings, datasetId, catalogue) = await Fixture.Value;
        var found = new List<(long Id, double Distance)>();
        await using (var connection = await DatabaseConnector.OpenAsync(settings))
        await using (var command = new NpgsqlCommand("SELECT runcat_id, distance_deg FROM trap_cone_search(@dataset, @ra, @dec, @radius)", connection))
        {
            command.Parameters.AddWithValue("dataset", datasetId);
            command.Parameters.AddWithValue("ra", ra);
            command.Parameters.AddWithValue("dec", dec);
            command.Parameters.AddWithValue("radius", radius);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) found.Add((reader.GetInt64(0), reader.GetDouble(1)));
        }

        var expected = catalogue
            .Select(r => (r.RuncatId, Distance: Sky.DistanceDeg(ra, dec, r.WmRaDeg, r.WmDecDeg)))
            .Where(r => r.Distance <= radius)
            .OrderBy(r => r.Distance).ToList();
        Assert.True(expected.Count >= 10, "the cone holds too few sources to test anything: " + expected.Count);
        Assert.Equal(expected.Select(e => e.RuncatId).Order(), found.Select(f => f.Id).Order());
        foreach (var (id, distance) in found)
        {
            Assert.Equal(expected.Single(e => e.RuncatId == id).Distance, distance, 1e-9);
        }
        Assert.True(found.Select(f => f.Distance).SequenceEqual(found.Select(f => f.Distance).Order()), "results are nearest first");
    }

    [Fact]
    public async Task TheSearchPlanUsesTheZoneIndex()
    {
        var (settings, datasetId, _) = await Fixture.Value;
        await using var connection = await DatabaseConnector.OpenAsync(settings);
        await using (var analyze = new NpgsqlCommand("ANALYZE runningcatalog", connection)) await analyze.ExecuteNonQueryAsync();
        // The function body inlined as a query, so EXPLAIN shows how the cone is found.
        await using var command = new NpgsqlCommand(
            "EXPLAIN SELECT * FROM runningcatalog WHERE dataset_id = @dataset AND zone BETWEEN 0 AND 2 AND wm_dec_deg BETWEEN 0.5 AND 2.5", connection);
        command.Parameters.AddWithValue("dataset", datasetId);
        var plan = string.Join("\n", await ReadLinesAsync(command));
        Assert.Contains("runningcatalog_zone_dec", plan);
    }

    private static async Task<List<string>> ReadLinesAsync(NpgsqlCommand command)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return lines;
    }

    // One catalogue shared by the cone cases: dense near RA 0/360 and both poles, sparse elsewhere,
    // plus a second dataset at the same positions that a search must not return.
    private Lazy<Task<(DatabaseSettings, long, List<RunningCatalogueRow>)>> Fixture => _fixture ??= new(BuildAsync);

    private static Lazy<Task<(DatabaseSettings, long, List<RunningCatalogueRow>)>>? _fixture;

    private async Task<(DatabaseSettings, long, List<RunningCatalogueRow>)> BuildAsync()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        var random = new Random(42);
        var rows = new List<RunningCatalogueRow>();
        void Add(double ra, double dec)
        {
            ra = (ra % 360 + 360) % 360;
            var (x, y, z) = Sky.UnitVector(ra, dec);
            rows.Add(new RunningCatalogueRow
            {
                RuncatId = rows.Count + 1, FirstSourceId = rows.Count + 1, Datapoints = 1, WmRaDeg = ra, WmDecDeg = dec,
                Zone = (int)Math.Floor(dec), X = x, Y = y, Z = z,
            });
        }
        for (var i = 0; i < 4000; i++) Add(random.NextDouble() * 8 - 4, random.NextDouble() * 10 - 5);
        for (var i = 0; i < 3000; i++) Add(random.NextDouble() * 360, 90 - random.NextDouble() * 5);
        for (var i = 0; i < 1000; i++) Add(random.NextDouble() * 360, -90 + random.NextDouble() * 2);
        for (var i = 0; i < 500; i++) Add(145 + random.NextDouble() * 10, -35 + random.NextDouble() * 10);
        for (var i = 0; i < 2000; i++) Add(random.NextDouble() * 360, Math.Asin(random.NextDouble() * 2 - 1) * 180 / Math.PI);
        Add(77, 90);
        Add(0, -90);

        var loader = new DatasetLoader(settings);
        var result = await loader.LoadAsync(new DatasetContents(new DatasetRow { Name = "cone" }).Set(rows));
        await loader.LoadAsync(new DatasetContents(new DatasetRow { Name = "decoy" }).Set(rows));
        return (settings, result.DatasetId, rows);
    }
}
