using System.Text;

namespace Trap.Web.Html;

/// <summary>Fields of the filter forms (plain GET forms: every filtered view is a link that can be shared).</summary>
public static class FormFields
{
    public static string Open(string action) => "<form class=\"filters\" method=\"get\" action=\"" + HtmlText.Encode(action) + "\">";

    public static string Close(string button = "Apply") => "<button type=\"submit\">" + HtmlText.Encode(button) + "</button></form>";

    public static string Text(string name, string label, string? value, string? placeholder = null) =>
        "<label>" + HtmlText.Encode(label) + "<input type=\"text\" inputmode=\"decimal\" name=\"" + HtmlText.Encode(name) + "\" value=\"" +
        HtmlText.Encode(value) + "\"" + (placeholder is null ? "" : " placeholder=\"" + HtmlText.Encode(placeholder) + "\"") + "></label>";

    /// <summary>A value the form keeps (e.g. the list's order) when it is submitted; nothing when null.</summary>
    public static string Hidden(string name, string? value) =>
        value is null ? "" : "<input type=\"hidden\" name=\"" + HtmlText.Encode(name) + "\" value=\"" + HtmlText.Encode(value) + "\">";

    public static string Check(string name, string label, bool on) =>
        "<label class=\"check\"><input type=\"checkbox\" name=\"" + HtmlText.Encode(name) + "\" value=\"1\"" + (on ? " checked" : "") + ">" +
        HtmlText.Encode(label) + "</label>";

    public static string Select(string name, string label, string? selected, IEnumerable<(string Value, string Label)> options)
    {
        var html = new StringBuilder("<label>").Append(HtmlText.Encode(label)).Append("<select name=\"").Append(HtmlText.Encode(name)).Append("\">");
        foreach (var (value, text) in options)
        {
            html.Append("<option value=\"").Append(HtmlText.Encode(value)).Append('"').Append(value == (selected ?? "") ? " selected" : "")
                .Append('>').Append(HtmlText.Encode(text)).Append("</option>");
        }
        return html.Append("</select></label>").ToString();
    }
}
