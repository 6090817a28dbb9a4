using Trap.Dataset;
using Trap.Pipeline.Output;
using Trap.Science.Extraction.Background;
using Trap.Science.Extraction.Fitting;

namespace Trap.Pipeline.Work;

/// <summary>
/// What blind extraction's background maps were made from, as a small binary file: the useful box,
/// the node counts, then the background and RMS nodes as doubles (NaN where masked; zero nodes mean
/// no grid: no unmasked pixel), then the measured noise correlation's reach (−1: none), scale and lags. Doubles round-trip exactly, so values interpolated from the file equal
/// the extraction's own maps.
/// </summary>
public static class BackgroundGridFile
{
    public static void Write(string path, BackgroundLayout layout)
    {
        var grid = layout.Grid;
        OutputFolders.CreateInside(Path.GetDirectoryName(path)!);
        var partial = OutputFolders.PartialName(path);
        using (var writer = new BinaryWriter(File.Create(partial)))
        {
            var box = layout.UsefulBox;
            writer.Write(box.X0);
            writer.Write(box.Y0);
            writer.Write(box.Width);
            writer.Write(box.Height);
            writer.Write(grid?.NodesX ?? 0);
            writer.Write(grid?.NodesY ?? 0);
            if (grid is not null)
            {
                foreach (var v in grid.Background) writer.Write(v);
                foreach (var v in grid.Rms) writer.Write(v);
            }
            var correlation = layout.Correlation;
            writer.Write(correlation?.Reach ?? -1);
            if (correlation is not null)
            {
                writer.Write(correlation.NoiseScale);
                foreach (var c in correlation.Lags) writer.Write(c);
            }
        }
        File.Move(partial, path, overwrite: true);
    }

    public static BackgroundLayout Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        var box = new PixelBox(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        var nodesX = reader.ReadInt32();
        var nodesY = reader.ReadInt32();
        var background = new double[nodesX * nodesY];
        var rms = new double[nodesX * nodesY];
        for (var i = 0; i < background.Length; i++) background[i] = reader.ReadDouble();
        for (var i = 0; i < rms.Length; i++) rms[i] = reader.ReadDouble();
        var grid = nodesX == 0 || nodesY == 0 ? null : new BackgroundGrid(nodesX, nodesY, background, rms);
        var reach = reader.ReadInt32();
        if (reach < 0) return new BackgroundLayout(grid, box);
        var scale = reader.ReadDouble();
        var lags = new double[(2 * reach + 1) * (2 * reach + 1)];
        for (var i = 0; i < lags.Length; i++) lags[i] = reader.ReadDouble();
        return new BackgroundLayout(grid, box, NoiseCorrelation.Of(reach, lags, scale));
    }
}
