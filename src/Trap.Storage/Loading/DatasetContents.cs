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

    private readonly Dictionary<Type, Func<IReadOnlyList<PartFile>, CancellationToken, IAsyncEnumerable<IEnumerable>>> _partReaders = new();

    private readonly Dictionary<string, IReadOnlyList<PartFile>> _parts = new(StringComparer.Ordinal);

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
        var map = TableMap.For<T>();
        if (typeof(T) == typeof(DatasetRow)) throw new ArgumentException("The dataset row is given to the constructor.");
        _tables[typeof(T)] = _ => OneBatch(rows);
        _parts.Remove(map.OutputTable);
        _partReaders.Remove(typeof(T));
        return this;
    }

    /// <summary>
    /// Sets a table's rows as those of its part files, read by <paramref name="read"/> (a dataset folder's
    /// tables), so an incremental load can read only some of them.
    /// </summary>
    internal void SetParts(string table, Type rowType, IReadOnlyList<PartFile> parts,
                           Func<IReadOnlyList<PartFile>, CancellationToken, IAsyncEnumerable<IEnumerable>> read)
    {
        _ = TableMap.For(rowType);
        _parts[table] = parts;
        _partReaders[rowType] = read;
        _tables[rowType] = token => read(parts, token);
    }

    /// <summary>
    /// The part files of each output table (but the dataset table) when every table was read from a dataset
    /// folder; null when any was given in memory, which leaves nothing for an incremental load to compare.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PartFile>>? Parts =>
        _parts.Count == DatasetTables.All.Count - 1 ? _parts : null;

    /// <summary>The rows of some of a table's part files (<see cref="SetParts"/>), batch by batch.</summary>
    internal IAsyncEnumerable<IEnumerable> Batches(Type rowType, IReadOnlyList<PartFile> parts, CancellationToken cancellation) =>
        _partReaders[rowType](parts, cancellation);

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
