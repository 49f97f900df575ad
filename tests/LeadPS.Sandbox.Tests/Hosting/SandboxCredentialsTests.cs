namespace LeadPS.Sandbox.Tests.Hosting;

public sealed class SandboxCredentialsTests
{
    [Fact]
    public void The_well_known_ivvy_secret_is_the_options_default_secret() =>
        Assert.Equal(SandboxCredentials.IvvyApiSecret, new SandboxOptions().IvvyApiSecret);
}
