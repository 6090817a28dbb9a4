using Trap.Formats.Fits;

namespace Trap.Formats.Tests.Fits;

/// <summary>Header-level behaviour: CONTINUE joining, duplicates (first wins), HISTORY order.</summary>
public sealed class FitsHeaderTests
{
    [Fact]
    public void ContinueCardsAreJoinedIntoOneLongString()
    {
        var header = FitsHeader.FromCardImages(
        [
            "LONGSTRN= 'OGIP 1.0'",
            "ORIGIN  = 'first piece, &'",
            "CONTINUE  'second piece &'",
            "CONTINUE  'and the end' / the comment",
            "NEXT    = 1",
            "END",
            "AFTER   = 2",
        ]);
        Assert.Equal("first piece, second piece and the end", header.GetString("ORIGIN"));
        Assert.Equal("the comment", header.Find("ORIGIN")!.Comment);
        Assert.Equal(1, header.GetInt("NEXT"));
        Assert.False(header.Contains("AFTER"));
    }

    [Fact]
    public void AContinueThatContinuesNothingIsCommentary()
    {
        var header = FitsHeader.FromCardImages(["OBJECT  = 'done'", "CONTINUE  'stray'"]);
        Assert.Equal("done", header.GetString("OBJECT"));
        Assert.Equal(FitsValueKind.None, header.Cards[1].Kind);
    }

    [Fact]
    public void TheFirstOfDuplicateKeywordsWins()
    {
        var header = FitsHeader.FromCardImages(["TELESCOP= 'LOFAR20'", "OBJECT  = 'CygA'", "TELESCOP= 'LOFAR'"]);
        Assert.Equal("LOFAR20", header.GetString("TELESCOP"));
        Assert.Equal(3, header.Cards.Count);
        header.Set(FitsCard.OfString("TELESCOP", "AARTFAAC"));
        Assert.Equal("AARTFAAC", header.GetString("TELESCOP"));
        Assert.Equal("LOFAR", header.Cards[2].Text);
    }

    [Fact]
    public void HistoryKeepsItsOrderAmongOtherCards()
    {
        var header = FitsHeader.FromCardImages(["HISTORY one", "BMAJ    = 0.1", "HISTORY two", "COMMENT x", "HISTORY three"]);
        Assert.Equal(["one", "two", "three"], header.History);
    }

    [Fact]
    public void TypedLookupsConvertOrRefuse()
    {
        var header = FitsHeader.FromCardImages(["BLANK   = -9223372036854775808", "FREQ    = '1.4E9'", "FLAG    = T", "NAME    = 'x'"]);
        Assert.Equal(long.MinValue, header.GetLong("BLANK"));
        Assert.Null(header.GetInt("BLANK"));
        Assert.Equal(1.4e9, header.GetDouble("FREQ"));
        Assert.True(header.GetBool("FLAG"));
        Assert.Null(header.GetDouble("NAME"));
        Assert.Null(header.GetDouble("MISSING"));
    }
}
