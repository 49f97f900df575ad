using System;

namespace LeadPS.Ivvy
{
    /// <summary>iVvy's regional platforms.</summary>
    public enum IvvyRegion
    {
        AU,
        US,
        UK,
    }

    /// <summary>Where each region's API lives.</summary>
    public static class IvvyRegions
    {
        public static Uri BaseAddress(IvvyRegion region)
        {
            switch (region)
            {
                case IvvyRegion.AU: return new Uri("https://api.ap-southeast-2.ivvy.com/");
                case IvvyRegion.US: return new Uri("https://api.us-west-2.ivvy.com/");
                case IvvyRegion.UK: return new Uri("https://api.eu-west-2.ivvy.com/");
                default: throw new ArgumentOutOfRangeException(nameof(region), region, "Unknown iVvy region.");
            }
        }
    }
}
