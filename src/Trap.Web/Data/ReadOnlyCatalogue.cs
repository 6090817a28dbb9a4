namespace Trap.Web.Data;

/// <summary>
/// The web site's only way into the catalogue: the PostgreSQL database (<see cref="PostgresCatalogue"/>, many datasets)
/// or one run's Parquet folder through embedded DuckDB (<see cref="ParquetCatalogue"/>), both under the database's
/// table and column names, so every page's SQL runs on either.
/// </summary>
public abstract class ReadOnlyCatalogue : IDisposable
{
    /// <summary>What the site reads, for its log line (passwords masked).</summary>
    public abstract string Source { get; }

    /// <summary>Runs <paramref name="work"/> on one consistent, read-only view of the catalogue.</summary>
    public abstract Task<T> ReadAsync<T>(Func<CatalogueQuery, Task<T>> work, CancellationToken cancellation);

    /// <summary>Releases what the catalogue holds open (the embedded database); the PostgreSQL pool needs nothing.</summary>
    public virtual void Dispose()
    {
    }
}
