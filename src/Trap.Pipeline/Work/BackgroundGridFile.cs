using Trap.Pipeline.Output;
using Trap.Science.Extraction.Background;

namespace Trap.Pipeline.Work;

/// <summary>
/// A background/RMS node grid as a small binary file (node counts, then the background and RMS nodes
/// as doubles, NaN where masked); zero nodes mean the image had no unmasked pixel. Doubles round-trip
/// exactly, so maps interpolated from the file equal the extraction's own.
/// </summary>
public static class BackgroundGridFile
{
    public static void Write(string path, BackgroundGrid? grid)
    {
        OutputFolders.CreateInside(Path.GetDirectoryName(path)!);
        var partial = OutputFolders.PartialName(path);
        using (var writer = new BinaryWriter(File.Create(partial)))
        {
            writer.Write(grid?.NodesX ?? 0);
            writer.Write(grid?.NodesY ?? 0);
            if (grid is not null)
            {
                foreach (var v in grid.Background) writer.Write(v);
                foreach (var v in grid.Rms) writer.Write(v);
            }
        }
        File.Move(partial, path, overwrite: true);
    }

    public static BackgroundGrid? Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        var nodesX = reader.ReadInt32();
        var nodesY = reader.ReadInt32();
        if (nodesX == 0 || nodesY == 0) return null;
        var background = new double[nodesX * nodesY];
        var rms = new double[nodesX * nodesY];
        for (var i = 0; i < background.Length; i++) background[i] = reader.ReadDouble();
        for (var i = 0; i < rms.Length; i++) rms[i] = reader.ReadDouble();
        return new BackgroundGrid(nodesX, nodesY, background, rms);
    }
}
