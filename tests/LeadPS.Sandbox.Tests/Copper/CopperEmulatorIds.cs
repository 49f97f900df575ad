using LeadPS.Sandbox.Copper;

namespace LeadPS.Sandbox.Tests.Copper
{
    /// <summary>Ids the emulator hands out in order, for tests that count on them.</summary>
    internal static class CopperEmulatorIds
    {
        /// <summary>The id of the lead created <paramref name="index"/>-th (from 0) in a fresh emulator.</summary>
        public static long Nth(int index) => CopperEmulator.FirstLeadId + index;
    }
}
