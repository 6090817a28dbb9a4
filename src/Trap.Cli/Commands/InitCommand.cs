using System.CommandLine;
using Trap.Pipeline.Configuration;

namespace Trap.Cli.Commands;

/// <summary>`trap init FOLDER`: starts a job folder with a job.cfg documenting every setting and its default.</summary>
public static class InitCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("FOLDER") { Description = "the job folder to create (or an existing one without job.cfg)" };
        var command = new Command("init", "start a job folder: writes FOLDER/job.cfg, every setting documented with its default") { folder };
        command.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(folder)!);
            var file = Path.Combine(path, JobConfig.FileName);
            if (File.Exists(file)) throw new IOException($"{file} exists; trap init does not replace a job's configuration");
            Directory.CreateDirectory(path);
            File.WriteAllText(file, JobTemplate.For(new DirectoryInfo(path).Name));
            Console.WriteLine($"trap init: wrote {file}");
            Console.WriteLine($"  next: put the images under {Path.Combine(path, "images")} (or edit [job] images), then");
            Console.WriteLine($"  trap run {parse.GetValue(folder)} --dry-run    # the matched images and the plan");
            Console.WriteLine($"  trap run {parse.GetValue(folder)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
