using System;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// Carries an <see cref="IvvyApiError"/> out of deep parsing and validation code; the emulator
    /// catches it and answers with the error, so it never leaves <see cref="IvvyEmulator.Handle"/>.
    /// </summary>
    internal sealed class IvvyApiErrorException : Exception
    {
        public IvvyApiErrorException(IvvyApiError error)
            : base(error.Message)
        {
            Error = error;
        }

        public IvvyApiError Error { get; }
    }
}
