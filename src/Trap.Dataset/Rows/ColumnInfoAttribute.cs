namespace Trap.Dataset.Rows;

/// <summary>
/// The unit and meaning of an output column. The writer stores both as the column's Parquet
/// key-value metadata (keys <c>unit</c> and <c>description</c>), and docs/outputs.md lists the same
/// text (a test keeps the two equal). Unit "-" marks ids, counts, codes, flags, text and
/// dimensionless numbers; "UTC" marks timestamps.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ColumnInfoAttribute(string unit, string description) : Attribute
{
    public string Unit { get; } = unit;

    public string Description { get; } = description;
}
