package io.k2connect.simulator;

import io.k2connect.K2Client;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The v2 create endpoints (docs/k2-api.md §9–§13) refuse a broken body with {@code 400
 * {"error_code": 400, "error_message": ...}} naming the field, as the v1 ones do
 * ({@link K2SimulatorValidationTests}).
 */
@K2SimulatorTest
class K2SimulatorV2ValidationTests {

	/**
	 * Each row breaks one field of a K2 example: {@code -} removes it, anything else is
	 * the JSON value it gets.
	 */
	@ParameterizedTest(name = "{0}: {1} = {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					send_money-external_recipients    | currency                          | -                 | Currency can't be blank
					send_money-external_recipients    | currency                          | '"USD"'           | Currency must be KES
					send_money-external_recipients    | source_identifier                 | '"till one"'      | Source identifier is invalid
					send_money-external_recipients    | _links                            | -                 | Callback url can't be blank
					send_money-external_recipients    | destinations                      | '{}'              | Destinations must be a list
					send_money-external_recipients    | destinations/0                    | '"x"'             | Destination 1 must be an object
					send_money-external_recipients    | destinations/0/type               | '"cash"'          | Destination 1 type must be one of bank_account, merchant_bank_account, merchant_wallet, mobile_wallet, paybill, till
					send_money-external_recipients    | destinations/1/phone_number       | '"+254900111111"' | Destination 2 phone number is an invalid number
					send_money-external_recipients    | destinations/0/network            | '"Airtel"'        | Destination 1 network must be Safaricom
					send_money-external_recipients    | destinations/0/amount             | 0                 | Destination 1 amount must be greater than 0
					send_money-external_recipients    | destinations/0/description        | -                 | Destination 1 description can't be blank
					send_money-external_recipients    | destinations/0/favourite          | '"yes"'           | Destination 1 favourite must be true or false
					send_money-all_destination_types-ILLUSTRATIVE | destinations/1/bank_branch_ref | -          | Destination 2 bank branch ref can't be blank
					send_money-all_destination_types-ILLUSTRATIVE | destinations/2/till_number | -               | Destination 3 till number can't be blank
					send_money-all_destination_types-ILLUSTRATIVE | destinations/3/paybill_account_number | -    | Destination 4 paybill account number can't be blank
					send_money-my_account             | destinations/0/reference          | -                 | Destination 1 reference can't be blank
					send_money-my_account             | destinations/0/amount             | -                 | Destination 1 amount can't be blank
					external_recipient-mobile_wallet  | external_recipient                | -                 | External recipient can't be blank
					external_recipient-mobile_wallet  | type                              | '"cash"'          | Type must be one of bank_account, mobile_wallet, paybill, till
					external_recipient-mobile_wallet  | external_recipient/phone_number   | '"0712345678"'    | External recipient phone number is an invalid number
					external_recipient-mobile_wallet  | external_recipient/first_name     | -                 | External recipient first name can't be blank
					external_recipient-bank_account   | external_recipient/settlement_method | '"SWIFT"'      | External recipient settlement method must be one of eft, rts
					external_recipient-bank_account   | external_recipient/bank_branch_ref | -                | External recipient bank branch ref can't be blank
					external_recipient-till           | external_recipient/till_name      | -                 | External recipient till name can't be blank
					external_recipient-paybill        | external_recipient/paybill_number | -                 | External recipient paybill number can't be blank
					merchant_wallet-v2                | phone_number                      | '"254911222538"'  | Phone number is an invalid number
					merchant_bank_account-v2          | settlement_method                 | -                 | Settlement method can't be blank
					reversal                          | transaction_reference             | -                 | Transaction reference can't be blank
					reversal                          | _links                            | -                 | Callback url can't be blank
					payment_link                      | amount                            | -                 | Amount can't be blank
					payment_link                      | amount                            | -5                | Amount must be greater than 0
					payment_link                      | currency                          | '"USD"'           | Currency must be KES
					payment_link                      | till_number                       | -                 | Till number can't be blank
					payment_link                      | _links                            | -                 | Callback url can't be blank
					""")
	void brokenFieldIsNamed(String example, String field, String value, String message, K2Simulator k2,
			K2Client client) {
		ObjectNode body = Api.example("request-" + example + ".json");
		int slash = field.lastIndexOf('/');
		JsonNode parent = (slash < 0) ? body : body.at("/" + field.substring(0, slash));
		String name = field.substring(slash + 1);
		if (parent.isArray()) {
			if (value.equals("-")) {
				((ArrayNode) parent).remove(Integer.parseInt(name));
			}
			else {
				((ArrayNode) parent).set(Integer.parseInt(name), Api.json(value));
			}
		}
		else if (value.equals("-")) {
			((ObjectNode) parent).remove(name);
		}
		else {
			((ObjectNode) parent).set(name, Api.json(value));
		}
		K2SimulatorValidationTests.assertRefused(k2, client, "/api/v2/" + collection(example), body, message);
	}

	private static String collection(String example) {
		String family = example.contains("-") ? example.substring(0, example.indexOf('-')) : example;
		return family.equals("send_money") ? family : family + "s";
	}

}
