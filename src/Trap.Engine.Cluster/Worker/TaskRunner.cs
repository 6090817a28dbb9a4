using System.Collections.Concurrent;
using System.Reflection;
using Trap.Engine.Cluster.Wire;

namespace Trap.Engine.Cluster.Worker;

/// <summary>
/// Runs map requests inside a worker: resolves the task class and its record types by
/// name, decodes the JSON records, runs the task and encodes what it returns. A task's own exception
/// comes back as the reply's error (the driver fails the job: a pure task fails the same way anywhere).
/// Plain code, so it is tested without a cluster.
/// </summary>
public sealed class TaskRunner
{
    private static readonly MethodInfo MapMethod = typeof(TaskRunner).GetMethod(nameof(Map), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConcurrentDictionary<string, Func<MapRequest, JobContext, MapReply>> _maps = new();

    public MapReply RunMap(MapRequest request)
    {
        try
        {
            var run = _maps.GetOrAdd(CacheKey(request.Task), _ => Bind<Func<MapRequest, JobContext, MapReply>>(MapMethod, request.Task, 2));
            return run(request, WireJson.Read<JobContext>(request.Task.ContextJson));
        }
        catch (Exception e)
        {
            return new MapReply(Array.Empty<string>(), Describe(request.Task, e));
        }
    }

    private static MapReply Map<TTask, TIn, TOut>(MapRequest request, JobContext context)
        where TTask : IMapTask<TIn, TOut>, new()
    {
        var task = new TTask();
        var outputs = request.Inputs.Select(json => WireJson.Write(task.Run(WireJson.Read<TIn>(json), context))).ToArray();
        return new MapReply(outputs, null);
    }

    internal static TDelegate Bind<TDelegate>(MethodInfo generic, TaskSignature signature, int typeArguments)
        where TDelegate : Delegate
    {
        if (signature.TypeArguments.Count != typeArguments)
        {
            throw new ArgumentException($"expected {typeArguments} record types, got {signature.TypeArguments.Count}");
        }
        var types = new[] { signature.TaskType }.Concat(signature.TypeArguments).Select(Resolve).ToArray();
        return generic.MakeGenericMethod(types).CreateDelegate<TDelegate>();
    }

    /// <summary>Finds a type by assembly-qualified name, also in assemblies loaded from a path (--assembly).</summary>
    public static Type Resolve(string name) =>
        Type.GetType(name, LoadedOrLoad, typeResolver: null, throwOnError: false)
        ?? throw new TypeLoadException(
            $"type '{name}' is not in this worker's build; start workers from the same Trap build as the driver " +
            "(or load the assembly that defines it with `trap worker --assembly PATH`)");

    private static Assembly? LoadedOrLoad(AssemblyName name) =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(name, a.GetName()))
        ?? Assembly.Load(name);

    internal static string CacheKey(TaskSignature signature) =>
        signature.TaskType + "|" + string.Join("|", signature.TypeArguments);

    internal static string Describe(TaskSignature signature, Exception e)
    {
        var inner = e is TargetInvocationException { InnerException: { } cause } ? cause : e;
        return $"task {signature.TaskType.Split(',')[0]} failed on {Environment.MachineName} (pid {Environment.ProcessId}): {inner}";
    }
}
