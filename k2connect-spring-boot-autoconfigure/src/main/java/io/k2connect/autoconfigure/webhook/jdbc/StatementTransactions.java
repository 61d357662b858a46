package io.k2connect.autoconfigure.webhook.jdbc;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a statement of the delivery table on its own: in auto-commit, unless the caller is
 * in a transaction, which it must then not join (a new one of the transaction manager),
 * so that a claim or a run is visible to other instances at once and a caller's rollback
 * cannot undo it.
 */
final class StatementTransactions {

	private final @Nullable TransactionTemplate newTransaction;

	StatementTransactions(@Nullable PlatformTransactionManager transactionManager) {
		if (transactionManager != null) {
			this.newTransaction = new TransactionTemplate(transactionManager);
			this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		}
		else {
			this.newTransaction = null;
		}
	}

	<T> T run(Supplier<T> work) {
		TransactionTemplate template = this.newTransaction;
		if (template == null || !TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		return template.execute((status) -> work.get());
	}

}
