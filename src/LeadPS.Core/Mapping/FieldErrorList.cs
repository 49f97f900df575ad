using System.Collections.Generic;
using System.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Collects what is wrong with one input while every field is read, so the user learns about
    /// all of them in one error instead of one per attempt.
    /// </summary>
    internal sealed class FieldErrorList
    {
        private readonly List<LeadValidationException> _errors = new List<LeadValidationException>();

        internal bool Any => _errors.Count > 0;

        internal void Add(LeadValidationException error) => _errors.Add(error);

        /// <summary>Adds a later check's error, leaving out fields already reported (a field that failed to read also looks missing).</summary>
        internal void AddUnlessReported(LeadValidationException error)
        {
            var reported = new HashSet<string>(_errors.SelectMany(e => e.InvalidFields), System.StringComparer.OrdinalIgnoreCase);
            if (error.FieldErrors.Count == 0)
            {
                _errors.Add(error);
                return;
            }

            var fresh = error.FieldErrors.Where(e => e.FieldName == null || !reported.Contains(e.FieldName)).ToList();
            if (fresh.Count == error.FieldErrors.Count)
            {
                _errors.Add(error);
            }
            else if (fresh.Count > 0)
            {
                _errors.Add(new LeadValidationException(fresh[0].Message, fresh[0].FieldName, error.Platform, error.ErrorKind, fresh));
            }
        }

        internal void ThrowIfAny(LeadPlatform platform)
        {
            if (_errors.Count > 0)
            {
                throw LeadValidationException.Combine(_errors, platform);
            }
        }
    }
}
