using System.Security.Cryptography;
using System.Text;

namespace Trap.Storage.Schema;

/// <summary>One numbered SQL script of the schema; <see cref="Checksum"/> detects a script edited after release.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
}
