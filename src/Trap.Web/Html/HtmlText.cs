using System.Net;

namespace Trap.Web.Html;

/// <summary>HTML-encoding helpers: every text from the database or the request goes through <see cref="Encode"/>.</summary>
public static class HtmlText
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Link(string href, string text, string? cssClass = null) =>
        "<a href=\"" + Encode(href) + "\"" + (cssClass is null ? "" : " class=\"" + Encode(cssClass) + "\"") + ">" + Encode(text) + "</a>";

    /// <summary>A link that leaves the site (SIMBAD, NED): opened by the user, in a new tab, without a referrer.</summary>
    public static string ExternalLink(string href, string text) =>
        "<a href=\"" + Encode(href) + "\" rel=\"noopener noreferrer external\" target=\"_blank\" class=\"external\">" + Encode(text) + "</a>";

    /// <summary>A definition list of label/value pairs; values are encoded.</summary>
    public static string Facts(IEnumerable<(string Label, string Value)> facts) =>
        "<dl class=\"facts\">" + string.Concat(facts.Select(f => "<dt>" + Encode(f.Label) + "</dt><dd>" + Encode(f.Value) + "</dd>")) + "</dl>";
}
