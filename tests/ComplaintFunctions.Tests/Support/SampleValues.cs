using System.Collections;
using System.Reflection;
using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Tests.Support;

/// <summary>
/// Builds a value of any payload type with every member set to something other than its default,
/// so a member a serializer drops or resets shows up in a round trip. Records get their widest
/// public constructor; every settable (or init) property the constructor did not set is set after.
/// </summary>
static class SampleValues
{
    const int MaxDepth = 8;

    public static object Of(Type type) => Of(type, type.Name, 0)
        ?? throw new InvalidOperationException($"No sample for {type}.");

    static object? Of(Type type, string name, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"Samples nest deeper than {MaxDepth} at '{name}' ({type}).");
        }

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Of(inner, name, depth);
        }

        if (Special(type, name) is { } special)
        {
            return special;
        }

        if (type.IsEnum)
        {
            // The last value: not the default, and wrong if an enum is read back by position.
            var values = Enum.GetValues(type);
            return values.GetValue(values.Length - 1);
        }

        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var array = Array.CreateInstance(element, 1);
            array.SetValue(Of(element, name + "[0]", depth + 1), 0);
            return array;
        }

        if (DictionaryTypes(type) is var (key, value))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(key, value))!;
            dictionary[Of(key, name + "-key", depth + 1)!] = Of(value, name + "-value", depth + 1);
            return dictionary;
        }

        if (ListElement(type) is { } item)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            list.Add(Of(item, name + "[0]", depth + 1));
            return list;
        }

        if (type == typeof(object) || type.IsInterface || type.IsAbstract)
        {
            throw new InvalidOperationException($"'{name}' is of type {type}: no sample can say what a serializer makes of it. Give the payload a concrete type.");
        }

        return Composite(type, depth);
    }

    /// <summary>Leaf values, and the domain's own value types.</summary>
    static object? Special(Type type, string name)
    {
        if (type == typeof(string))
        {
            // Case numbers travel as text and are parsed on the other side: a real one.
            return name.Contains("CaseNumber", StringComparison.OrdinalIgnoreCase) ? CaseNumber.New().Value : $"{name}-sample";
        }

        return type switch
        {
            _ when type == typeof(CaseNumber) => CaseNumber.New(),
            _ when type == typeof(bool) => true,
            _ when type == typeof(int) => 7,
            _ when type == typeof(long) => 7_000_000_000L,
            _ when type == typeof(short) => (short)7,
            _ when type == typeof(byte) => (byte)7,
            _ when type == typeof(double) => 7.25,
            _ when type == typeof(float) => 7.25f,
            _ when type == typeof(decimal) => 12345.67m,
            _ when type == typeof(char) => 'K',
            _ when type == typeof(Guid) => new Guid("5f0c8a61-3a5e-4a8e-9a41-6f7d2c9b1e07"),
            _ when type == typeof(TimeSpan) => new TimeSpan(1, 2, 3, 4, 567),
            _ when type == typeof(DateTime) => new DateTime(2026, 11, 20, 9, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 11, 20, 10, 30, 15, 123, TimeSpan.FromHours(1)).AddTicks(4567),
            _ when type == typeof(DateOnly) => new DateOnly(2026, 11, 20),
            _ when type == typeof(TimeOnly) => new TimeOnly(9, 30, 15),
            _ when type == typeof(Uri) => new Uri("https://example.no/sample"),
            _ => null,
        };
    }

    static (Type Key, Type Value)? DictionaryTypes(Type type)
    {
        foreach (var candidate in type.GetInterfaces().Append(type).Where(t => t.IsGenericType))
        {
            var definition = candidate.GetGenericTypeDefinition();
            if (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>))
            {
                var arguments = candidate.GetGenericArguments();
                return (arguments[0], arguments[1]);
            }
        }

        return null;
    }

    static Type? ListElement(Type type)
    {
        if (type == typeof(string) || !type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
            || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    static object Composite(Type type, int depth)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        object instance;
        var setByConstructor = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (constructor is null)
        {
            instance = Activator.CreateInstance(type)
                ?? throw new InvalidOperationException($"{type} has no public constructor.");
        }
        else
        {
            var parameters = constructor.GetParameters();
            var arguments = parameters.Select(p => Of(p.ParameterType, p.Name!, depth + 1)).ToArray();
            instance = constructor.Invoke(arguments);
            setByConstructor.UnionWith(parameters.Select(p => p.Name!));
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || setByConstructor.Contains(property.Name) || property.SetMethod is not { IsPublic: true })
            {
                continue;
            }

            property.SetValue(instance, Of(property.PropertyType, property.Name, depth + 1));
        }

        return instance;
    }

    /// <summary>Members of <paramref name="value"/> (and of the values inside it) that are still their type's default.</summary>
    public static IEnumerable<string> DefaultMembers(object? value, string path = "")
    {
        if (value is null)
        {
            yield return path;
            yield break;
        }

        var type = value.GetType();
        if (Special(type, string.Empty) is not null || type.IsEnum || type.IsPrimitive)
        {
            yield break;
        }

        if (value is IEnumerable items and not string)
        {
            var index = 0;
            foreach (var item in items)
            {
                var element = item is DictionaryEntry entry ? entry.Value : item;
                foreach (var member in DefaultMembers(element, $"{path}[{index++}]"))
                {
                    yield return member;
                }
            }

            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var member = property.GetValue(value);
            var memberPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (member is null || (propertyType.IsValueType && member.Equals(Activator.CreateInstance(propertyType))))
            {
                yield return memberPath;
                continue;
            }

            foreach (var nested in DefaultMembers(member, memberPath))
            {
                yield return nested;
            }
        }
    }
}
