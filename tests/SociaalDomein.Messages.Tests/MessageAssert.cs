using System.Collections;
using System.Reflection;
using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Tests;

/// <summary>
/// Value comparison of messages: records compare their lists by reference, so this walks public properties and compares
/// lists element by element (any message type, any depth).
/// </summary>
internal static class MessageAssert
{
    public static bool Same(IstdMessage expected, IstdMessage actual) => Difference(expected, actual, "message") is null;

    public static void Equivalent(IstdMessage expected, IstdMessage actual)
    {
        var difference = Difference(expected, actual, expected.GetType().Name);
        Assert.True(difference is null, $"messages differ at {difference}:\nexpected {expected}\nactual   {actual}");
    }

    /// <summary>The path of the first difference, or null when both are equal.</summary>
    private static string? Difference(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null) return expected is null && actual is null ? null : path;
        var type = expected.GetType();
        if (expected is IEnumerable expectedItems and not string)
        {
            if (actual is not IEnumerable) return $"{path} (not a list)";
            var left = expectedItems.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            if (left.Count != right.Count) return $"{path}.Count ({left.Count} vs {right.Count})";
            for (var i = 0; i < left.Count; i++)
            {
                if (Difference(left[i], right[i], $"{path}[{i}]") is { } inner) return inner;
            }
            return null;
        }
        if (type != actual.GetType()) return $"{path} (type {type.Name} vs {actual.GetType().Name})";
        if (expected is string || type.IsPrimitive || type.IsEnum || expected is DateOnly or TimeOnly or decimal or Bsn or RetourCodeMap)
        {
            return expected.Equals(actual) ? null : $"{path} ({expected} vs {actual})";
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
            if (Difference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}") is { } inner) return inner;
        }
        return null;
    }
}
