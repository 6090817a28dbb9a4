using System.Text;
using Trap.Web.Data;

namespace Trap.Web.Html;

/// <summary>The frame of every page: head with the site's own stylesheet, top bar, dataset tabs, body.</summary>
public static class PageLayout
{
    /// <summary>The tabs of a dataset's pages: (path below /datasets/NAME, label).</summary>
    private static readonly (string Path, string Label)[] DatasetTabs =
    [
        ("", "Overview"), ("/images", "Images"), ("/sources", "Catalogue"), ("/etav", "η–V plane"), ("/candidates", "Candidates"),
    ];

    /// <summary>A page; <paramref name="bodyHtml"/> is already HTML, <paramref name="title"/> is encoded here.</summary>
    public static string Render(string title, string bodyHtml, DatasetName? dataset = null, string? activeTab = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(HtmlText.Encode(title)).Append(" · Trap</title>")
            .Append("<link rel=\"stylesheet\" href=\"/static/site.css\"></head><body>")
            .Append("<header class=\"top\"><a class=\"brand\" href=\"/\">Trap</a><span class=\"tagline\">transients pipeline · catalogue browser</span></header>");
        if (dataset is not null)
        {
            html.Append("<nav class=\"tabs\">");
            foreach (var (path, label) in DatasetTabs)
            {
                var css = path == activeTab ? "tab active" : "tab";
                html.Append(HtmlText.Link(dataset.Path + path, label, css));
            }
            html.Append("</nav>");
        }
        html.Append("<main><h1>").Append(HtmlText.Encode(title)).Append("</h1>").Append(bodyHtml).Append("</main></body></html>");
        return html.ToString();
    }
}
