namespace Trap.Engine.Cluster;

/// <summary>
/// The --conf keys the engines read. Any other key is refused, naming the nearest known key, so a
/// misspelt setting never silently leaves its default in force (as job.cfg keys are checked).
/// </summary>
public static class ConfKeys
{
    /// <summary>The cluster's PostgreSQL (default TRAP_DATABASE_URL).</summary>
    public const string Database = "trap.db";

    public const string TaskTimeoutSeconds = "trap.task.timeoutSeconds";

    public const string TaskMaxAttempts = "trap.task.maxAttempts";

    public const string WaitForWorkersSeconds = "trap.cluster.waitForWorkersSeconds";

    public static IReadOnlyList<string> All { get; } = [Database, TaskTimeoutSeconds, TaskMaxAttempts, WaitForWorkersSeconds];

    /// <summary>Throws an <see cref="ArgumentException"/> for the first key that is not one of <see cref="All"/>.</summary>
    public static void Check(IEnumerable<string> keys)
    {
        foreach (var key in keys.Where(k => !All.Contains(k, StringComparer.Ordinal)))
        {
            var nearest = All.MinBy(known => Distance(key.ToLowerInvariant(), known.ToLowerInvariant()))!;
            var hint = Distance(key.ToLowerInvariant(), nearest.ToLowerInvariant()) <= Math.Max(3, key.Length / 3)
                ? $"; did you mean {nearest}?"
                : string.Empty;
            throw new ArgumentException($"unknown --conf key '{key}'{hint} Known keys: {string.Join(", ", All)}");
        }
    }

    /// <summary>Levenshtein distance: the fewest single-character edits turning a into b.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
