namespace Trap.Science.Association;

/// <summary>
/// Spatial index of catalogue positions: declination zones of height h, each cut into RA cells at
/// least h wide on the sky (fewer cells towards the poles; one cell in a zone touching a pole). A
/// cone query visits the zones its declination range touches and, in each, the RA cells of the
/// window α(θ, δ) (TraP's RA inflation, taken modulo 360 so the window wraps at RA 0), then applies
/// the exact dot-product test. The cell size only affects speed, never which entries are found.
/// </summary>
public sealed class SkyGrid : ICandidateIndex
{
    private readonly double _cellDeg;
    private readonly int _zoneCount;
    private readonly int[] _raCells;
    private readonly Dictionary<long, List<int>> _cells = new();
    private readonly List<long> _keyOfSlot = new();
    private readonly List<int> _positionInCell = new();
    private readonly List<SkyVector> _vectorOfSlot = new();

    /// <param name="cellDeg">Zone height and minimum on-sky RA cell width, degrees; best near the usual query radius.</param>
    public SkyGrid(double cellDeg)
    {
        if (!(cellDeg > 0) || cellDeg > 180)
            throw new ArgumentOutOfRangeException(nameof(cellDeg), cellDeg, "sky grid cell size must be in (0, 180] degrees");
        _zoneCount = (int)Math.Ceiling(180.0 / cellDeg);
        _cellDeg = 180.0 / _zoneCount;
        _raCells = new int[_zoneCount];
        for (var z = 0; z < _zoneCount; z++)
        {
            var low = -90.0 + z * _cellDeg;
            var high = low + _cellDeg;
            var widestDec = low <= 0 && high >= 0 ? 0.0 : Math.Min(Math.Abs(low), Math.Abs(high));
            var touchesPole = z == 0 || z == _zoneCount - 1;
            var cells = touchesPole ? 1 : (int)Math.Floor(360.0 * Math.Cos(widestDec * SkyVector.DegToRad) / _cellDeg);
            _raCells[z] = Math.Clamp(cells, 1, 1 << 22);
        }
    }

    public void Add(int slot, SkyVector position)
    {
        while (_keyOfSlot.Count <= slot)
        {
            _keyOfSlot.Add(-1);
            _positionInCell.Add(-1);
            _vectorOfSlot.Add(default);
        }
        if (_keyOfSlot[slot] >= 0) throw new InvalidOperationException($"sky grid slot {slot} is already in use");
        _vectorOfSlot[slot] = position;
        Insert(slot, KeyOf(position));
    }

    public void Move(int slot, SkyVector position)
    {
        _vectorOfSlot[slot] = position;
        var key = KeyOf(position);
        if (key == _keyOfSlot[slot]) return;
        Detach(slot);
        Insert(slot, key);
    }

    public void Remove(int slot)
    {
        Detach(slot);
        _keyOfSlot[slot] = -1;
    }

    public void Query(SkyVector centre, double radiusDeg, List<int> result)
    {
        var cosRadius = Math.Cos(radiusDeg * SkyVector.DegToRad);
        var ra = centre.RaDeg;
        var dec = centre.DecDeg;
        // Pad the cell selection (not the test) so rounding in ra/dec can never drop a cell.
        var padded = radiusDeg + 1e-9;
        var zoneLow = ZoneOf(Math.Max(-90.0, dec - padded));
        var zoneHigh = ZoneOf(Math.Min(90.0, dec + padded));
        var halfWidth = SkyVector.RaInflationDeg(padded, dec);
        for (var z = zoneLow; z <= zoneHigh; z++)
        {
            var n = _raCells[z];
            var width = 360.0 / n;
            long first, last;
            if (halfWidth >= 180.0)
            {
                first = 0;
                last = n - 1;
            }
            else
            {
                first = (long)Math.Floor((ra - halfWidth) / width);
                last = (long)Math.Floor((ra + halfWidth) / width);
                if (last - first + 1 >= n)
                {
                    first = 0;
                    last = n - 1;
                }
            }
            for (var c = first; c <= last; c++)
            {
                var cell = (int)(((c % n) + n) % n);
                if (!_cells.TryGetValue(Key(z, cell), out var slots)) continue;
                foreach (var slot in slots)
                    if (_vectorOfSlot[slot].Dot(centre) > cosRadius) result.Add(slot);
            }
        }
    }

    private int ZoneOf(double decDeg) => Math.Clamp((int)Math.Floor((decDeg + 90.0) / _cellDeg), 0, _zoneCount - 1);

    private long KeyOf(SkyVector v)
    {
        var zone = ZoneOf(v.DecDeg);
        var n = _raCells[zone];
        var cell = Math.Min(n - 1, (int)Math.Floor(v.RaDeg / (360.0 / n)));
        return Key(zone, cell);
    }

    private static long Key(int zone, int cell) => ((long)zone << 32) | (uint)cell;

    private void Insert(int slot, long key)
    {
        if (!_cells.TryGetValue(key, out var list))
        {
            list = new List<int>();
            _cells.Add(key, list);
        }
        _keyOfSlot[slot] = key;
        _positionInCell[slot] = list.Count;
        list.Add(slot);
    }

    private void Detach(int slot)
    {
        var key = _keyOfSlot[slot];
        if (key < 0) throw new InvalidOperationException($"sky grid slot {slot} is not in use");
        var list = _cells[key];
        var at = _positionInCell[slot];
        var moved = list[^1];
        list[at] = moved;
        _positionInCell[moved] = at;
        list.RemoveAt(list.Count - 1);
    }
}
