namespace Trap.Storage;

/// <summary>
/// A catalogue-database problem the user can act on: the message says what is wrong and what to do.
/// Messages never contain a password (connection strings are shown masked).
/// </summary>
public sealed class StorageException : Exception
{
    public StorageException(string message) : base(message) { }

    public StorageException(string message, Exception inner) : base(message, inner) { }
}
