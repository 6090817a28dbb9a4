using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Work;

namespace Trap.Pipeline.Stages;

/// <summary>
/// The map over every image of the job (docs/architecture.md, stage 2): read it, run quality control (all checks but
/// the sequential historical one, which the driver applies in observation order) and, when accepted,
/// extract its sources (<see cref="ImageExtraction"/>). The extractions (extracted_sources rows with their final ids and derived
/// position errors) and the background grid go to the working folder; the driver gets a summary.
/// A bad image becomes a rejection; nothing here throws for bad input. The image's pixels and maps
/// go back to the pool when the task ends, for the next image this worker reads.
/// </summary>
public sealed class ExtractImageTask : IMapTask<ImageWork, ImageSummary>
{
    public ImageSummary Run(ImageWork work, JobContext context)
    {
        var config = JobConfigCache.Get(context);
        return ImageExtraction.Of(work.Url, config).WriteTo(new WorkFolder(work.WorkFolder), work.ImageId, config.Association);
    }
}
