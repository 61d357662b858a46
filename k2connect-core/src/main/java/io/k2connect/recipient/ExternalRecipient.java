package io.k2connect.recipient;

import org.jspecify.annotations.Nullable;

/**
 * Someone you send money to, saved once with {@code POST /api/v2/external_recipients}
 * (docs/k2-api.md §10) through
 * {@link ExternalRecipientService#addExternalRecipient(ExternalRecipient)}. Each kind is
 * a record that checks its own required fields when it is constructed.
 *
 * <p>
 * Send-money destinations carry the full recipient details, so saving one first is
 * optional in v2.
 */
public sealed interface ExternalRecipient
		permits ExternalMobileWallet, ExternalBankAccount, ExternalTill, ExternalPaybill {

	/**
	 * The kind of recipient: the body's {@code type}.
	 * @return the recipient type
	 */
	ExternalRecipientType type();

	/**
	 * The name K2 shows for the recipient.
	 * @return the nickname, or {@code null}
	 */
	@Nullable String nickname();

}
