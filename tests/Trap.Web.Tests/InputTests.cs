using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Trap.Web.Html;
using Trap.Web.Input;

namespace Trap.Web.Tests;

public sealed class InputTests
{
    private static RequestInput Query(params (string Key, string Value)[] values) =>
        new(new QueryCollection(values.ToDictionary(v => v.Key, v => new StringValues(v.Value))));

    [Fact]
    public void NumbersAreInvariantAndRangeChecked()
    {
        Assert.Equal(12.5, Query(("ra", "12.5")).Number("ra", 0, 360));
        Assert.Equal(-1e-3, Query(("dec", "-1e-3")).Number("dec", -90, 90));
        Assert.Null(Query().Number("ra", 0, 360));
        Assert.Null(Query(("ra", "  ")).Number("ra", 0, 360));
        Assert.Contains("'ra'", Assert.Throws<BadInputException>(() => Query(("ra", "12,5")).Number("ra", 0, 360)).Message);
        Assert.Contains("between", Assert.Throws<BadInputException>(() => Query(("ra", "361")).Number("ra", 0, 360)).Message);
        Assert.Throws<BadInputException>(() => Query(("ra", "NaN")).Number("ra", 0, 360));
        Assert.Throws<BadInputException>(() => Query(("ra", "Infinity")).Number("ra", 0, 360));
    }

    [Theory]
    [InlineData("12", 12L)]
    [InlineData("0", 0L)]
    public void IdsAreWholeNumbers(string text, long id) => Assert.Equal(id, RequestInput.Id(text, "image id"));

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("1 OR 1=1")]
    [InlineData("99999999999999999999")]
    [InlineData(null)]
    public void OtherIdsAreRefusedWithTheirName(string? text) =>
        Assert.Contains("image id", Assert.Throws<BadInputException>(() => RequestInput.Id(text, "image id")).Message);

    [Fact]
    public void ChoicesFlagsAndPagesAreChecked()
    {
        Assert.Equal("rejected", Query(("status", "rejected")).Choice("status", ["all", "rejected"]));
        Assert.Throws<BadInputException>(() => Query(("status", "Rejected")).Choice("status", ["all", "rejected"]));
        Assert.True(Query(("new", "1")).Flag("new"));
        Assert.False(Query().Flag("new"));
        Assert.Throws<BadInputException>(() => Query(("new", "yes please")).Flag("new"));
        Assert.Throws<BadInputException>(() => Query(("page", "0")).Page());
        Assert.True(Query(("format", "csv")).WantsCsv());
        Assert.Throws<BadInputException>(() => Query(("format", "xml")).WantsCsv());
    }

    [Fact]
    public void CsvQuotesSeparatorsAndNeutralisesFormulas()
    {
        var columns = new Column<string>[] { new("Name, full", s => s) };
        var csv = Table.Csv(columns, ["plain", "a,b", "say \"hi\"", "=cmd()", "-0.5"]);
        Assert.Equal("\"Name, full\"\r\nplain\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n'=cmd()\r\n-0.5\r\n", csv);
    }

    [Fact]
    public void SexagesimalPositions()
    {
        Assert.Equal("05:34:31.94", Fmt.RaHms(83.63308));
        Assert.Equal("+22:00:52.2", Fmt.DecDms(22.0145));
        Assert.Equal("-00:30:00.0", Fmt.DecDms(-0.5));
        Assert.Equal("00:00:00.00", Fmt.RaHms(359.9999999));
    }

    [Theory]
    [InlineData("187.25", true, 187.25)]
    [InlineData("12:29:06.7", true, 187.27791666666667)]
    [InlineData("12h29m06.7s", true, 187.27791666666667)]
    [InlineData("12 29 06.7", true, 187.27791666666667)]
    [InlineData("+02:03:08.6", false, 2.0523888888888888)]
    [InlineData("2d03m08.6s", false, 2.0523888888888888)]
    [InlineData("-00:30:00", false, -0.5)]
    [InlineData("-0 30", false, -0.5)]
    public void PositionsAreDecimalDegreesOrSexagesimal(string text, bool isRa, double degrees)
    {
        var input = Query((isRa ? "ra" : "dec", text));
        Assert.Equal(degrees, isRa ? input.RightAscension("ra")!.Value : input.Declination("dec")!.Value, 9);
    }

    [Theory]
    [InlineData("ra", "12:61:00", "hours:minutes:seconds")]
    [InlineData("ra", "north", "hours:minutes:seconds")]
    [InlineData("ra", "25:00:00", "between")]
    [InlineData("dec", "+91:00:00", "between")]
    [InlineData("dec", "10:00:75", "degrees:minutes:seconds")]
    public void BadPositionsSayWhichFormsAreAccepted(string name, string text, string expected)
    {
        var input = Query((name, text));
        var error = Assert.Throws<BadInputException>(() => name == "ra" ? input.RightAscension(name) : input.Declination(name));
        Assert.Contains(expected, error.Message);
        Assert.Contains(text, error.Message);
    }
}
