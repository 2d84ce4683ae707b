/**
 * The Osallistu block in the editor, written against WordPress's globals (wp.blocks, wp.element,
 * wp.blockEditor, wp.components, wp.i18n, wp.apiFetch) so that it needs no build step. The
 * author picks what to embed from the site's catalogue (through the plugin's REST route); the
 * preview is the widget's own page with answering switched off. The block is dynamic: it saves
 * nothing but its attributes, and PHP renders it.
 */
( function ( wp ) {
	'use strict';

	var el = wp.element.createElement;
	var useState = wp.element.useState;
	var useEffect = wp.element.useEffect;
	var __ = wp.i18n.__;
	var sprintf = wp.i18n.sprintf;
	var InspectorControls = wp.blockEditor.InspectorControls;
	var useBlockProps = wp.blockEditor.useBlockProps;
	var PanelBody = wp.components.PanelBody;
	var Placeholder = wp.components.Placeholder;
	var SelectControl = wp.components.SelectControl;
	var Spinner = wp.components.Spinner;
	var Notice = wp.components.Notice;
	var config = window.osallistuEditor || { configured: false, settingsUrl: '', lang: 'en', editorLang: 'en' };

	/** What can be embedded, and which catalogue list holds its items. */
	function widgets() {
		return [
			{ value: 'poll', label: __( 'Poll', 'osallistu' ), list: 'polls' },
			{ value: 'feedback', label: __( 'Feedback form', 'osallistu' ), list: 'forms' },
			{ value: 'feedback-status', label: __( 'Feedback status lookup', 'osallistu' ), list: null },
			{ value: 'decisions', label: __( 'Council decisions', 'osallistu' ), list: 'organs' },
			{ value: 'video', label: __( 'Video', 'osallistu' ), list: 'videos' },
			{ value: 'video-blog', label: __( 'Video blog', 'osallistu' ), list: 'channels' },
		];
	}

	function widgetOf( value ) {
		return widgets().filter( function ( w ) {
			return w.value === value;
		} )[ 0 ] || widgets()[ 0 ];
	}

	function titleOf( item, lang ) {
		var texts = item.title || item.name || {};
		return texts[ lang ] || texts.fi || texts.sv || texts.en || item.id;
	}

	/** The items the author may choose for `widget`, with a first "choose" entry. */
	function itemOptions( catalogue, widget, lang ) {
		if ( widget.value === 'decisions' ) {
			return [ { value: 'all', label: __( 'All decisions', 'osallistu' ) } ].concat(
				( catalogue.organs || [] ).map( function ( organ ) {
					return { value: organ.id, label: titleOf( organ, lang ) };
				} )
			);
		}
		var items = catalogue[ widget.list ] || [];
		return [ { value: '', label: __( '— Choose —', 'osallistu' ) } ].concat(
			items.map( function ( item ) {
				var label = titleOf( item, lang );
				if ( item.status === 'closed' ) {
					/* translators: %s: the title of a closed poll or form */
					label = sprintf( __( '%s (closed)', 'osallistu' ), label );
				}
				return { value: item.id, label: label };
			} )
		);
	}

	function frameUrl( attributes, lang ) {
		var id = attributes.widget === 'feedback-status' ? 'lookup' : attributes.item || 'all';
		return config.service + '/embed/v1/frame/' + encodeURIComponent( attributes.widget ) + '/' + encodeURIComponent( id ) +
			'?site=' + encodeURIComponent( config.site ) + '&lang=' + encodeURIComponent( lang ) + '&preview=1';
	}

	function NotConfigured( props ) {
		return el(
			Placeholder,
			{ icon: 'megaphone', label: 'Osallistu', instructions: __( 'Osallistu is not set up yet: the service address and the site id are set in Settings → Osallistu.', 'osallistu' ) },
			config.settingsUrl
				? el( 'a', { href: config.settingsUrl }, __( 'Open Settings → Osallistu', 'osallistu' ) )
				: el( 'p', null, __( 'Ask an administrator of this site to set it up.', 'osallistu' ) )
		);
	}

	function Controls( props ) {
		var attributes = props.attributes;
		var widget = widgetOf( attributes.widget );
		var controls = [
			el( SelectControl, {
				key: 'widget',
				label: __( 'What to embed', 'osallistu' ),
				value: attributes.widget,
				options: widgets().map( function ( w ) {
					return { value: w.value, label: w.label };
				} ),
				onChange: function ( value ) {
					props.setAttributes( { widget: value, item: value === 'decisions' ? 'all' : '' } );
				},
			} ),
		];
		if ( widget.list ) {
			controls.push(
				props.catalogue
					? el( SelectControl, {
						key: 'item',
						label: widget.value === 'decisions' ? __( 'Whose decisions', 'osallistu' ) : __( 'Which one', 'osallistu' ),
						value: attributes.item,
						options: itemOptions( props.catalogue, widget, config.editorLang ),
						onChange: function ( value ) {
							props.setAttributes( { item: value } );
						},
					} )
					: el( Spinner, { key: 'loading' } )
			);
		}
		if ( props.withLanguage ) {
			controls.push(
				el( SelectControl, {
					key: 'headingLevel',
					label: __( 'Heading level', 'osallistu' ),
					help: __( 'The level of the widget\'s own heading: 2 when it is not inside a section of the page.', 'osallistu' ),
					value: String( attributes.headingLevel || 2 ),
					options: [ 2, 3, 4, 5, 6 ].map( function ( level ) {
						/* translators: %d: a heading level, 2 to 6 */
						return { value: String( level ), label: sprintf( __( 'Heading %d', 'osallistu' ), level ) };
					} ),
					onChange: function ( value ) {
						props.setAttributes( { headingLevel: parseInt( value, 10 ) } );
					},
				} )
			);
			controls.push(
				el( SelectControl, {
					key: 'lang',
					label: __( 'Language', 'osallistu' ),
					value: attributes.lang,
					options: [
						{ value: '', label: __( 'The page\'s language', 'osallistu' ) },
						{ value: 'fi', label: 'suomi' },
						{ value: 'sv', label: 'svenska' },
						{ value: 'en', label: 'English' },
					],
					onChange: function ( value ) {
						props.setAttributes( { lang: value } );
					},
				} )
			);
		}
		return controls;
	}

	function Edit( props ) {
		var blockProps = useBlockProps();
		var attributes = props.attributes;
		var catalogueState = useState( null );
		var errorState = useState( '' );
		var catalogue = catalogueState[ 0 ];
		var lang = attributes.lang || config.lang;

		useEffect( function () {
			if ( ! config.configured ) {
				return;
			}
			wp.apiFetch( { path: '/osallistu/v1/catalogue' } ).then(
				function ( result ) {
					catalogueState[ 1 ]( result );
				},
				function ( error ) {
					errorState[ 1 ]( ( error && error.message ) || __( 'The list of what can be embedded could not be loaded.', 'osallistu' ) );
				}
			);
		}, [] );

		if ( ! config.configured ) {
			return el( 'div', blockProps, el( NotConfigured ) );
		}
		var widget = widgetOf( attributes.widget );
		var chosen = ! widget.list || attributes.item !== '';
		var inspector = el(
			InspectorControls,
			null,
			el( PanelBody, { title: __( 'Embed', 'osallistu' ) }, el( Controls, { attributes: attributes, setAttributes: props.setAttributes, catalogue: catalogue, withLanguage: true } ) )
		);
		var error = errorState[ 0 ] ? el( Notice, { status: 'error', isDismissible: false }, errorState[ 0 ] ) : null;
		if ( ! chosen ) {
			return el(
				'div',
				blockProps,
				inspector,
				el(
					Placeholder,
					{ icon: 'megaphone', label: 'Osallistu', instructions: __( 'Choose what to embed from your site on Osallistu.', 'osallistu' ) },
					error,
					el( Controls, { attributes: attributes, setAttributes: props.setAttributes, catalogue: catalogue, withLanguage: false } )
				)
			);
		}
		return el(
			'div',
			blockProps,
			inspector,
			error,
			el( 'p', { className: 'osallistu-editor-note' }, __( 'Preview: answering is off in the editor preview. Visitors answer on the published page.', 'osallistu' ) ),
			el( 'iframe', {
				src: frameUrl( attributes, lang ),
				title: sprintf( /* translators: %s: what is embedded, e.g. Poll */ __( 'Osallistu preview: %s', 'osallistu' ), widget.label ),
				style: { width: '100%', minHeight: '24rem', border: '1px solid #ccc' },
			} )
		);
	}

	wp.blocks.registerBlockType( 'osallistu/embed', {
		edit: Edit,
		save: function () {
			return null;
		},
	} );
} )( window.wp );
