using System.Collections;
using System.Runtime.CompilerServices;
using Trap.Dataset;
using Trap.Dataset.Rows;

namespace Trap.Storage.Loading;

/// <summary>
/// The rows of one run to load: the dataset row and, for every other table of
/// <see cref="DatasetTables.All"/>, its rows (a table not given is loaded empty). Rows are handed to
/// the loader in batches, so a Parquet folder streams one row group at a time.
/// </summary>
public sealed class DatasetContents
{
    private readonly Dictionary<Type, Func<CancellationToken, IAsyncEnumerable<IEnumerable>>> _tables = new();

    public DatasetContents(DatasetRow dataset)
    {
        if (string.IsNullOrWhiteSpace(dataset.Name))
        {
            throw new ArgumentException("The dataset row has no name: the name identifies a run's dataset in the catalogue database.", nameof(dataset));
        }
        Dataset = dataset;
    }

    public DatasetRow Dataset { get; }

    /// <summary>The VOEvent packets the run wrote (its voevents/ folder), loaded into the voevent table.</summary>
    public IReadOnlyList<VoEventPacket> VoEvents { get; private set; } = [];

    public DatasetContents SetVoEvents(IReadOnlyList<VoEventPacket> packets)
    {
        VoEvents = packets;
        return this;
    }

    /// <summary>Sets the rows of the table whose row type is <typeparamref name="T"/> (rows held in memory).</summary>
    public DatasetContents Set<T>(IEnumerable<T> rows) where T : class
    {
        _ = TableMap.For<T>();
        if (typeof(T) == typeof(DatasetRow)) throw new ArgumentException("The dataset row is given to the constructor.");
        _tables[typeof(T)] = _ => OneBatch(rows);
        return this;
    }

    /// <summary>Sets the rows of a table as batches produced on demand (used to stream Parquet row groups).</summary>
    internal void SetBatches(Type rowType, Func<CancellationToken, IAsyncEnumerable<IEnumerable>> batches)
    {
        _ = TableMap.For(rowType);
        _tables[rowType] = batches;
    }

    /// <summary>The rows of a table, batch by batch; none if the table was not set.</summary>
    internal IAsyncEnumerable<IEnumerable> Batches(Type rowType, CancellationToken cancellation) =>
        _tables.TryGetValue(rowType, out var batches) ? batches(cancellation) : NoBatches();

    private static async IAsyncEnumerable<IEnumerable> OneBatch(IEnumerable rows)
    {
        await Task.CompletedTask;
        yield return rows;
    }

    private static async IAsyncEnumerable<IEnumerable> NoBatches([EnumeratorCancellation] CancellationToken cancellation = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}
