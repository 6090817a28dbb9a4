using Parquet.Serialization.Attributes;

namespace Trap.Dataset.Rows;

/// <summary>
/// A DateTime column stored as a Parquet TIMESTAMP(MICROS, isAdjustedToUTC = true): readers see an
/// instant in UTC (DuckDB: TIMESTAMP WITH TIME ZONE; pandas: datetime64[us, UTC]) whatever their
/// session time zone, and no reader rejects its range as it may INT96 or nanoseconds (docs/outputs.md).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class UtcTimestampAttribute() : ParquetTimestampAttribute(ParquetTimestampResolution.Microseconds, useLogicalTimestamp: true, isAdjustedToUTC: true);
