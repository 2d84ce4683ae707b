<?php
/**
 * Server-side rendering shared by the block and the shortcode: the widget's custom element with
 * its no-JS link inside (to the widget's own frame page), the loader enqueued once per page as a
 * module script, and the theme's palette mapped onto the widgets' colour properties.
 *
 * @package Osallistu
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * What may be embedded: element name, the attribute that carries the item's id, and the frame
 * page's path segment. `feedback-status` has no item; `decisions` takes "all" or an organ id.
 */
const OSALLISTU_WIDGETS = array(
	'poll'            => array( 'element' => 'osallistu-poll', 'attribute' => 'poll' ),
	'feedback'        => array( 'element' => 'osallistu-feedback', 'attribute' => 'form' ),
	'feedback-status' => array( 'element' => 'osallistu-feedback-status', 'attribute' => null ),
	'decisions'       => array( 'element' => 'osallistu-decisions', 'attribute' => 'organ' ),
	'video'           => array( 'element' => 'osallistu-video', 'attribute' => 'video' ),
	'video-blog'      => array( 'element' => 'osallistu-video-blog', 'attribute' => 'channel' ),
);

/**
 * The fallback link's text, in the widget's language (which may differ from the page's locale,
 * so these are content in that language rather than interface strings).
 */
const OSALLISTU_LINK_TEXT = array(
	'poll'            => array( 'fi' => 'Vastaa kyselyyn', 'sv' => 'Svara på enkäten', 'en' => 'Answer the poll' ),
	'feedback'        => array( 'fi' => 'Anna palautetta', 'sv' => 'Ge respons', 'en' => 'Give feedback' ),
	'feedback-status' => array( 'fi' => 'Katso palautteesi tilanne', 'sv' => 'Se hur det går med din respons', 'en' => 'Check on your feedback' ),
	'decisions'       => array( 'fi' => 'Katso päätökset', 'sv' => 'Se besluten', 'en' => 'See the decisions' ),
	'video'           => array( 'fi' => 'Katso video', 'sv' => 'Titta på videon', 'en' => 'Watch the video' ),
	'video-blog'      => array( 'fi' => 'Katso videoblogi', 'sv' => 'Titta på videobloggen', 'en' => 'Watch the video blog' ),
);

/** The item id a frame URL carries: "lookup" for the status lookup, "all" for every decision. */
function osallistu_frame_id( string $widget, string $item ): string {
	if ( 'feedback-status' === $widget ) {
		return 'lookup';
	}
	if ( 'decisions' === $widget && '' === $item ) {
		return 'all';
	}
	return $item;
}

/** The widget's own page on the Osallistu service, which works without JavaScript and in an iframe. */
function osallistu_frame_url( string $widget, string $item, string $lang, bool $preview = false ): string {
	$settings = osallistu_settings();
	$args     = array(
		'site' => $settings['site'],
		'lang' => $lang,
	);
	if ( $preview ) {
		$args['preview'] = '1';
	}
	return add_query_arg( $args, $settings['service'] . '/embed/v1/frame/' . rawurlencode( $widget ) . '/' . rawurlencode( osallistu_frame_id( $widget, $item ) ) );
}

/**
 * The markup for one widget, or '' when the settings or the item are missing (a visitor then sees
 * nothing rather than a broken element). Every value is escaped; the attributes are ours.
 *
 * @param string $widget One of OSALLISTU_WIDGETS' keys.
 * @param string $item   The poll, form, video, channel or organ id ('' for the lookup or all decisions).
 * @param string $lang   fi, sv, en or '' for the page's language.
 * @param int    $level  The level of the widget's own heading (2–6): 2 below the post's title.
 */
function osallistu_render_widget( string $widget, string $item, string $lang = '', int $level = 2 ): string {
	if ( ! isset( OSALLISTU_WIDGETS[ $widget ] ) || ! osallistu_is_configured() ) {
		return '';
	}
	$item = osallistu_sanitize_id( $item );
	if ( '' === $item && ! in_array( $widget, array( 'feedback-status', 'decisions' ), true ) ) {
		return '';
	}
	if ( 'decisions' === $widget && 'all' === $item ) {
		$item = '';
	}
	$lang     = osallistu_lang( $lang );
	$settings = osallistu_settings();
	$spec     = OSALLISTU_WIDGETS[ $widget ];

	$attributes = array();
	if ( $spec['attribute'] && '' !== $item ) {
		$attributes[ $spec['attribute'] ] = $item;
	}
	$attributes['site'] = $settings['site'];
	$attributes['api']  = $settings['service'];
	$attributes['lang'] = $lang;
	$attributes['heading-level'] = (string) min( 6, max( 2, $level ) );

	$html = '<' . $spec['element'];
	if ( 'decisions' === $widget ) {
		$html .= ' search filters';
	}
	foreach ( $attributes as $name => $value ) {
		$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	$html .= '><a href="' . esc_url( osallistu_frame_url( $widget, $item, $lang ) ) . '">' . esc_html( OSALLISTU_LINK_TEXT[ $widget ][ $lang ] ) . '</a></' . $spec['element'] . '>';

	osallistu_enqueue_loader();
	return $html;
}

/** Enqueues the loader (once per page, whatever the number of widgets) and the palette. */
function osallistu_enqueue_loader(): void {
	$settings = osallistu_settings();
	// The loader's URL is stable and its chunks are content-hashed: no version query.
	wp_enqueue_script( 'osallistu-loader', $settings['service'] . '/embed/v1/osallistu.js', array(), null, true );
	if ( ! wp_style_is( 'osallistu-palette', 'registered' ) ) {
		wp_register_style( 'osallistu-palette', false, array(), OSALLISTU_VERSION );
		wp_add_inline_style( 'osallistu-palette', osallistu_palette_css() );
	}
	wp_enqueue_style( 'osallistu-palette' );
}

/**
 * The theme's palette (block themes publish it as --wp--preset--color--*) onto the widgets'
 * properties: buttons in the text colour with the background colour on them, so their contrast is
 * the theme's own text contrast on light and dark styles alike. Fallbacks are the widgets' defaults.
 */
function osallistu_palette_css(): string {
	$elements = implode( ',', array_column( OSALLISTU_WIDGETS, 'element' ) );
	return $elements . '{'
		. '--osallistu-accent:var(--wp--preset--color--contrast,#00528a);'
		. '--osallistu-on-accent:var(--wp--preset--color--base,#ffffff);'
		. '--osallistu-border:var(--wp--preset--color--contrast,#6b6b6b);'
		. '--osallistu-muted:var(--wp--preset--color--contrast,#4d4d4d);'
		. '}';
}

/** The loader is an ES module and names the site for every widget on the page. */
add_filter(
	'script_loader_tag',
	static function ( $tag, $handle ) {
		if ( 'osallistu-loader' !== $handle ) {
			return $tag;
		}
		$tag = preg_replace( '/\stype=([\'"])[^\'"]*\1/', '', $tag );
		return str_replace( '<script ', '<script type="module" data-site="' . esc_attr( osallistu_settings()['site'] ) . '" ', $tag );
	},
	10,
	2
);
