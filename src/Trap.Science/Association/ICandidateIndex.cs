namespace Trap.Science.Association;

/// <summary>
/// A set of catalogue positions (by dense integer slot) that answers cone queries exactly:
/// Query returns every slot whose unit vector v has dot(v, centre) &gt; cos(radius) (TraP's strict
/// cone test), in no particular order.
/// </summary>
public interface ICandidateIndex
{
    void Add(int slot, SkyVector position);
    void Move(int slot, SkyVector position);
    void Remove(int slot);
    void Query(SkyVector centre, double radiusDeg, List<int> result);
}
