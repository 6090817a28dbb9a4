using System.Reflection;
using DuckDB.NET.Data;
using Trap.Dataset;
using Trap.Storage.Schema;

namespace Trap.Web.Data;

/// <summary>
/// One run's Parquet dataset read in place through embedded DuckDB: no server, nothing loaded. Each
/// output table (a folder of part files, `&lt;table&gt;/*.parquet`) is a view named and shaped as its
/// database table (dataset id <see cref="DatasetId"/>), and the database's functions are macros
/// (parquet-catalogue.sql), so the pages run the same SQL as on PostgreSQL. The views read the files,
/// never write them.
/// </summary>
public sealed class ParquetCatalogue : ReadOnlyCatalogue
{
    /// <summary>The id of the folder's one dataset in the site's addresses.</summary>
    public const long DatasetId = 1;

    private readonly DuckDBConnection _database;
    private readonly Lock _connecting = new();

    public ParquetCatalogue(string folder)
    {
        Folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var missing = SkyTables.Where(t => !Directory.Exists(Path.Combine(Folder, t))).ToList();
        if (!Directory.Exists(Folder) || missing.Count > 0)
        {
            throw new DirectoryNotFoundException($"{Folder} is not a Trap dataset (the output folder of trap run): it has no " +
                                                 $"{string.Join(", ", missing.Take(3))} table folder{(missing.Count > 1 ? "s" : "")}");
        }
        _database = new DuckDBConnection("Data Source=:memory:");
        _database.Open();
        using var command = _database.CreateCommand();
        command.CommandText = string.Concat(SkyTables.Select(View)) + VoEventView() + Macros.Value;
        command.ExecuteNonQuery();
    }

    /// <summary>The tables the pages read: all but those describing the run (which datasets of earlier versions lack).</summary>
    private static IEnumerable<string> SkyTables => DatasetTables.All.Select(t => t.Name).Where(t => !DatasetTables.RunDescriptions.Contains(t));

    /// <summary>The dataset folder.</summary>
    public string Folder { get; }

    public override string Source => Folder + " (Parquet, through DuckDB)";

    public override async Task<T> ReadAsync<T>(Func<CatalogueQuery, Task<T>> work, CancellationToken cancellation)
    {
        // One connection per read on the shared in-memory database: reads run in parallel.
        DuckDBConnection connection;
        lock (_connecting) connection = _database.Duplicate();
        await using (connection)
        {
            if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellation);
            return await work(new CatalogueQuery(connection, null, cancellation));
        }
    }

    public override void Dispose() => _database.Dispose();

    /// <summary>The view of one output table under its database table's name and columns.</summary>
    private string View(string outputTable)
    {
        var files = "read_parquet('" + Path.Combine(Folder, outputTable, "*.parquet").Replace("'", "''") + "')";
        var table = CatalogueTables.For(outputTable);
        var select = table switch
        {
            // The database numbers datasets and records when one was loaded; a folder is one dataset, loaded when written.
            "dataset" => $"SELECT {DatasetId}::BIGINT AS id, *, process_end_utc AS loaded_utc FROM {files}",
            // The unit vectors the database computes for its spatial tests.
            "skyregion" => $"SELECT {DatasetId}::BIGINT AS dataset_id, *, cos(radians(centre_dec_deg)) * cos(radians(centre_ra_deg)) AS x, " +
                           $"cos(radians(centre_dec_deg)) * sin(radians(centre_ra_deg)) AS y, sin(radians(centre_dec_deg)) AS z FROM {files}",
            _ => $"SELECT {DatasetId}::BIGINT AS dataset_id, * FROM {files}",
        };
        return $"CREATE VIEW {table} AS {select};\n";
    }

    /// <summary>
    /// The run's VOEvent files (voevents/LOCALID.xml) as the database's voevent table: dataset_id, local_id, xml.
    /// Empty when the run wrote none (DuckDB refuses a glob that matches no file).
    /// </summary>
    private string VoEventView()
    {
        var folder = Path.Combine(Folder, DatasetTables.VoEventsFolder);
        var select = Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.xml").Any()
            ? $"SELECT {DatasetId}::BIGINT AS dataset_id, regexp_extract(filename, '([^/]+)\\.xml$', 1) AS local_id, content AS xml " +
              "FROM read_text('" + Path.Combine(folder, "*.xml").Replace("'", "''") + "')"
            : $"SELECT {DatasetId}::BIGINT AS dataset_id, ''::VARCHAR AS local_id, ''::VARCHAR AS xml WHERE false";
        return $"CREATE VIEW voevent AS {select};\n";
    }

    private static readonly Lazy<string> Macros = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Trap.Web.Data.parquet-catalogue.sql")
                           ?? throw new InvalidOperationException("Trap.Web was built without Data/parquet-catalogue.sql");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
