package com.bp010.cards;

/** A card or well description that cannot be analysed; the message says which value and what to do. */
public class CardInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CardInputException(String message) {
        super(message);
    }
}
