using System;
using LeadPS.Sandbox.Hosting;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// Where a request goes: <c>[prefix]/api/1.0/{namespace}?action={action}</c>. Any path prefix
    /// before <c>/api/1.0</c> is tolerated so the emulator can sit under a base address with a path.
    /// </summary>
    internal sealed class IvvyRoute
    {
        private const string IvvyRouteVersion = "1.0";

        private IvvyRoute(string ns, string action)
        {
            Namespace = ns;
            Action = action;
        }

        public string Namespace { get; }

        public string Action { get; }

        /// <summary>The dispatch key, e.g. <c>contact?action=addOrUpdateLead</c>.</summary>
        public string Key => Namespace + "?action=" + Action;

        public static IvvyRoute? TryParse(SandboxRequest request)
        {
            var segments = request.Path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length < 3
                || segments[segments.Length - 3] != "api"
                || segments[segments.Length - 2] != IvvyRouteVersion)
            {
                return null;
            }

            request.Query.TryGetValue("action", out var action);
            return new IvvyRoute(segments[segments.Length - 1], action ?? string.Empty);
        }
    }
}
