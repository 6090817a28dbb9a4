using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Trap.Engine.Cluster.Wire;

/// <summary>
/// Refuses, before a job runs, record and state types that would lose data crossing the wire:
/// WireJson writes public properties and fields only and reads them back through setters or a
/// constructor, so a type with private state, or a public member it cannot set again, would come
/// back different without any error. Checked once per type, members recursively.
/// </summary>
public static class WireContract
{
    private static readonly ConcurrentDictionary<Type, string?> Verdicts = new();

    /// <summary>Throws a <see cref="ClusterException"/> naming the member that cannot cross.</summary>
    public static void Require(Type type, string role)
    {
        var problem = ProblemOf(type);
        if (problem is not null)
        {
            throw new ClusterException(
                $"the cluster engine cannot ship the {role} type {type.FullName}: {problem}. Records and reduce states must " +
                "round-trip through System.Text.Json (public properties or fields, settable or set by a constructor); " +
                "run this job with --master local, or give the type such a form");
        }
    }

    /// <summary>Why the type cannot cross the wire, or null when it can.</summary>
    public static string? ProblemOf(Type type) => Problem(type, new HashSet<Type>());

    private static string? Problem(Type type, HashSet<Type> seen)
    {
        if (Verdicts.TryGetValue(type, out var known))
        {
            return known;
        }
        if (!seen.Add(type))
        {
            return null; // recursion: judged where it started
        }
        var verdict = Judge(type, seen);
        Verdicts[type] = verdict;
        return verdict;
    }

    private static string? Judge(Type type, HashSet<Type> seen)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) ||
            type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(object))
        {
            return null;
        }
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Problem(inner, seen);
        }
        if (type.IsArray)
        {
            return Problem(type.GetElementType()!, seen);
        }
        if (type.IsGenericType && (typeof(System.Collections.IEnumerable).IsAssignableFrom(type) || type.FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal)))
        {
            return type.GetGenericArguments().Select(a => Problem(a, seen)).FirstOrDefault(p => p is not null);
        }
        const BindingFlags instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var parameters = type.GetConstructors()
            .SelectMany(c => c.GetParameters()).Select(p => p.Name ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (var field in t.GetFields(instance | BindingFlags.DeclaredOnly))
            {
                var backing = field.IsDefined(typeof(CompilerGeneratedAttribute)) ? PropertyOf(t, field) : null;
                if (backing is null && !field.IsPublic)
                {
                    return $"its private field {t.Name}.{field.Name} would be lost";
                }
                if (backing is not null && backing.GetMethod?.IsPublic != true)
                {
                    if (backing.Name == "EqualityContract") continue; // records' own, not data
                    return $"its non-public property {t.Name}.{backing.Name} would be lost";
                }
                var name = backing?.Name ?? field.Name;
                var settable = backing is null ? !field.IsInitOnly : backing.SetMethod?.IsPublic == true;
                if (!settable && !parameters.Contains(name))
                {
                    return $"its member {t.Name}.{name} cannot be set when read back";
                }
                var problem = Problem(backing?.PropertyType ?? field.FieldType, seen);
                if (problem is not null)
                {
                    return $"{t.Name}.{name}: {problem}";
                }
            }
        }
        return null;
    }

    private static PropertyInfo? PropertyOf(Type type, FieldInfo field) =>
        field.Name.StartsWith('<') && field.Name.IndexOf('>') is > 1 and var end
            ? type.GetProperty(field.Name[1..end], BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            : null;
}
