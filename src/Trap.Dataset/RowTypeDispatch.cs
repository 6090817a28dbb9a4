namespace Trap.Dataset;

/// <summary>Work generic in a table's row type (the Parquet reader and writer are), for code that has the type only at run time.</summary>
public interface IRowTypeWork<out TResult>
{
    TResult Run<TRow>() where TRow : class, new();
}

/// <summary>
/// Runs an <see cref="IRowTypeWork{TResult}"/> with a row type known at run time, such as those of
/// <see cref="DatasetTables.All"/>: the one place code over every table turns a type into a type argument.
/// </summary>
public static class RowTypeDispatch
{
    public static TResult Run<TResult>(Type rowType, IRowTypeWork<TResult> work) =>
        (TResult)typeof(IRowTypeWork<TResult>).GetMethod(nameof(IRowTypeWork<TResult>.Run))!.MakeGenericMethod(rowType).Invoke(work, null)!;
}
