using Microsoft.Extensions.Configuration;

namespace CommercialManagement.AppHost.Infrastructure;

internal static class SchedulerSettings
{
    /// <summary>
    /// Passes the AppHost's <c>Scheduler:*</c> settings on to a service: a job's schedule (<c>Scheduler:Jobs:&lt;name&gt;:Cron</c>)
    /// and, for the system tests only, the file that moves the jobs' clock (<c>Scheduler:ClockOffsetFile</c>). None by default.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSchedulerSettings(this IResourceBuilder<ProjectResource> project)
    {
        foreach (var (key, value) in project.ApplicationBuilder.Configuration.GetSection("Scheduler").AsEnumerable())
        {
            if (!string.IsNullOrEmpty(value))
            {
                project.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }

        return project;
    }
}
