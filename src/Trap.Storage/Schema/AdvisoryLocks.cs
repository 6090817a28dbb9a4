namespace Trap.Storage.Schema;

/// <summary>
/// Keys of the transaction-scoped advisory locks Trap takes (pg_advisory_xact_lock(int, int)): the
/// first number marks the lock as Trap's so other applications sharing the server are not blocked.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Schema changes: init and upgrade run one at a time.</summary>
    public const int SchemaSpace = 0x54524150; // "TRAP"

    /// <summary>Dataset loads: keyed by hashtext(dataset name), so only loads of the same dataset wait for each other.</summary>
    public const int DatasetSpace = 0x54524151;
}
