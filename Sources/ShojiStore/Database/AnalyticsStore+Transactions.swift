import GRDB

/// An error type of a store API that reports the store's own failures as one of its cases, so that a check made
/// inside a transaction (a refused approval, a missing key) keeps its meaning after GRDB rolls back.
protocol StoreFailure: Error {
    /// The store failed.
    static func store(_ error: StoreError) -> Self
    /// `error` as this type, when it already is one or wraps into one.
    static func passing(_ error: any Error) -> Self?
}

extension StoreFailure {
    static func passing(_ error: any Error) -> Self? { error as? Self }
}

extension VaultError: StoreFailure {}

extension IdentityError: StoreFailure {
    static func passing(_ error: any Error) -> IdentityError? {
        if let error = error as? IdentityError { return error }
        if let error = error as? VaultError { return .vault(error) }
        return nil
    }
}

extension AnalyticsStore {
    /// Runs `updates` in one write transaction; failures arrive as `Failure`.
    func write<T: Sendable, Failure: StoreFailure>(
        _: Failure.Type, _ updates: @escaping @Sendable (Database) throws -> T
    ) async throws(Failure) -> T {
        guard !options.readOnly else { throw .store(.cannotOpen(path: path, reason: "it was opened read-only")) }
        do {
            return try await pool.write(updates)
        } catch {
            throw Failure.passing(error) ?? .store(StoreError.wrapping(error, path: path))
        }
    }

    /// Runs `value` on a read connection; failures arrive as `Failure`.
    func read<T: Sendable, Failure: StoreFailure>(
        _: Failure.Type, _ value: @escaping @Sendable (Database) throws -> T
    ) async throws(Failure) -> T {
        do {
            return try await pool.read(value)
        } catch {
            throw Failure.passing(error) ?? .store(StoreError.wrapping(error, path: path))
        }
    }
}
