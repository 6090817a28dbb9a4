using System.Text;

namespace Trap.Configuration;

/// <summary>Maps C# property names to the snake_case keys of job files (DetectionThreshold → detection_threshold).</summary>
public static class ConfigNames
{
    public static string ToKey(string propertyName)
    {
        var builder = new StringBuilder(propertyName.Length + 8);
        for (var i = 0; i < propertyName.Length; i++)
        {
            var c = propertyName[i];
            if (char.IsUpper(c))
            {
                var previousIsLower = i > 0 && (char.IsLower(propertyName[i - 1]) || char.IsDigit(propertyName[i - 1]));
                var nextIsLower = i + 1 < propertyName.Length && char.IsLower(propertyName[i + 1]);
                var previousIsUpper = i > 0 && char.IsUpper(propertyName[i - 1]);
                if (i > 0 && (previousIsLower || (previousIsUpper && nextIsLower))) builder.Append('_');
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
