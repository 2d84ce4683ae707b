<?php
/**
 * [osallistu poll="ID"] for the classic editor (also form="ID", status, decisions="all|ORGAN",
 * video="ID", channel="ID"; optional lang="fi|sv|en" and heading-level="2…6"): the same markup
 * as the block.
 *
 * @package Osallistu
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Which shortcode attribute names which widget. */
const OSALLISTU_SHORTCODE_KEYS = array(
	'poll'      => 'poll',
	'form'      => 'feedback',
	'status'    => 'feedback-status',
	'decisions' => 'decisions',
	'video'     => 'video',
	'channel'   => 'video-blog',
);

add_shortcode(
	'osallistu',
	static function ( $atts ) {
		$atts = is_array( $atts ) ? $atts : array();
		$lang  = isset( $atts['lang'] ) ? (string) $atts['lang'] : '';
		$level = isset( $atts['heading-level'] ) ? (int) $atts['heading-level'] : 2;
		foreach ( $atts as $key => $value ) {
			// A bare word such as [osallistu status] arrives as a numbered attribute.
			if ( is_int( $key ) && isset( OSALLISTU_SHORTCODE_KEYS[ $value ] ) ) {
				return osallistu_render_widget( OSALLISTU_SHORTCODE_KEYS[ $value ], '', $lang, $level );
			}
			if ( is_string( $key ) && isset( OSALLISTU_SHORTCODE_KEYS[ $key ] ) ) {
				return osallistu_render_widget( OSALLISTU_SHORTCODE_KEYS[ $key ], (string) $value, $lang, $level );
			}
		}
		return '';
	}
);
