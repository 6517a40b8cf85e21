namespace Hosting;

/// <summary>
/// Describes a .NET project the orchestrator can run. The build generates one implementation per
/// <c>ProjectReference</c> marked <c>IsServiceProject="true"</c>, in the <c>Projects</c> namespace.
/// </summary>
public interface IProjectMetadata
{
    /// <summary>Full path of the project file.</summary>
    string ProjectPath { get; }

    /// <summary>Full path of the assembly the build produced for this configuration.</summary>
    string TargetPath { get; }
}
