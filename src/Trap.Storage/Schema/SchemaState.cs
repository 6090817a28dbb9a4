namespace Trap.Storage.Schema;

/// <summary>The schema version of a database (0 when Trap's schema is absent) and what this build knows.</summary>
public sealed record SchemaState(int Version, int Latest)
{
    public bool Initialised => Version > 0;

    public bool Current => Version == Latest;
}

/// <summary>What init or upgrade did: the versions applied (none when the schema was already there).</summary>
public sealed record SchemaChange(SchemaState Before, SchemaState After, IReadOnlyList<Migration> Applied);
