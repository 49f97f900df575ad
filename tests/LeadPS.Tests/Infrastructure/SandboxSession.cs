using LeadPS.Http;
using LeadPS.Sandbox;

namespace LeadPS.Tests.Infrastructure;

/// <summary>A hosted engine with the module imported and a Sandbox connection for each platform.</summary>
public sealed class SandboxSession : IDisposable
{
    public SandboxSession(string copperOptions = "@{}", string ivvyOptions = "@{}")
    {
        Shell = new PowerShellSession();
        Copper = Connect("Copper", copperOptions);
        Ivvy = Connect("Ivvy", ivvyOptions);
    }

    public PowerShellSession Shell { get; }

    public LeadApiConnection Copper { get; }

    public LeadApiConnection Ivvy { get; }

    public LeadSandbox CopperSandbox => (LeadSandbox)Copper.Sandbox!;

    public LeadSandbox IvvySandbox => (LeadSandbox)Ivvy.Sandbox!;

    public LeadApiConnection For(LeadPlatform platform) => platform == LeadPlatform.Copper ? Copper : Ivvy;

    public LeadSandbox SandboxFor(LeadPlatform platform) => (LeadSandbox)For(platform).Sandbox!;

    /// <summary>Runs a script with $copper and $ivvy bound to the two connections.</summary>
    public ScriptResult Run(string script, params object?[] arguments) =>
        Shell.RunWith(script, new System.Collections.Hashtable { ["copper"] = Copper, ["ivvy"] = Ivvy }, arguments);

    public void Dispose() => Shell.Dispose();

    private LeadApiConnection Connect(string platform, string options)
    {
        var result = Shell.Run($"Connect-LeadApi -Platform {platform} -Sandbox -Name {platform.ToLowerInvariant()} -PassThru -SandboxOption {options}").ThrowIfErrors();
        return (LeadApiConnection)result.Output.Single().BaseObject;
    }
}

/// <summary>Valid iVvy leads from the Sandbox's documented catalogue.</summary>
public static class IvvyRows
{
    public const string ContactLead = "@{ name = '{0}'; contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51 }";

    public static string Contact(string name) => ContactLead.Replace("{0}", name);
}
