/** Recovery codes, shown once right after they were made. */
export function RecoveryCodesList({ codes }: { codes: string[] }) {
  return (
    <div className="recovery-codes" aria-labelledby="recovery-codes-heading">
      <h2 id="recovery-codes-heading">Your recovery codes</h2>
      <p>
        Each code signs you in once if you lose your phone. Keep them somewhere safe, such as a password manager or a printed page. They will
        not be shown again.
      </p>
      <ol className="recovery-codes__list" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}
